package org.ariadne.server.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ariadne.server.audit.AuditLog;
import org.ariadne.server.audit.Outcome;
import org.ariadne.server.security.Account;
import org.ariadne.server.security.Role;
import org.ariadne.server.series.SeriesCatalog;
import org.ariadne.server.web.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts uploads: each file is moved (never read into memory) into the spool folder and recorded as a
 * pending file of a new ingest job, all in one transaction; the {@link IngestWorkers} do the rest. The
 * upload is answered as soon as the files are safe on disk.
 */
@Service
public class IngestService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final SeriesCatalog catalog;
    private final AuditLog audit;
    private final Path spool;
    private final IngestWorkers workers;

    IngestService(JdbcClient jdbc, SeriesCatalog catalog, AuditLog audit, IngestWorkers workers,
                  @Value("${ariadne.data}") Path data) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.audit = audit;
        this.workers = workers;
        this.spool = data.resolve("spool").resolve("jobs");
        try {
            Files.createDirectories(spool);
            Files.createDirectories(data.resolve("spool").resolve("incoming"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the upload spool in " + data, e);
        }
    }

    /** A file to ingest: its name as the contributor gave it, and where its bytes are now. */
    public record Upload(String originalName, SpooledSource source) {
    }

    /** Where an upload's bytes come from: moved from the servlet container's temporary file, or copied. */
    @FunctionalInterface
    public interface SpooledSource {
        void moveTo(Path target) throws IOException;
    }

    public static Upload of(MultipartFile file) {
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "upload" : file.getOriginalFilename();
        return new Upload(name, file::transferTo);
    }

    /** Creates an ingest job for files uploaded into one of the caller's cases (and optionally a series). */
    @Transactional
    public long submit(Account account, long caseId, Long seriesId, List<Upload> uploads) {
        account.require(Role.CONTRIBUTOR);
        catalog.requireCase(account, caseId, "ingest.upload");
        if (seriesId != null) {
            var series = catalog.visible(account, seriesId, "ingest.upload");
            if (series.agencyId() != account.agencyId()) {
                audit.record(account.actor(), "ingest.upload", "series:" + seriesId, Outcome.REFUSED);
                throw ApiException.notFound("series " + seriesId);
            }
        }
        if (uploads.isEmpty()) {
            throw ApiException.badRequest("no files in the upload (multipart field 'files')");
        }
        long job = jdbc.sql("""
                        insert into ingest_job (agency_id, user_id, investigation_id, series_id) values (?, ?, ?, ?)
                        returning id""")
                .params(account.agencyId(), account.id(), caseId, seriesId).query(Long.class).single();
        Path folder = spool.resolve(Long.toString(job));
        try {
            Files.createDirectories(folder);
            for (int i = 0; i < uploads.size(); i++) {
                Path target = folder.resolve(Integer.toString(i));
                uploads.get(i).source().moveTo(target);
                jdbc.sql("insert into ingest_file (job_id, original_name, spool_path, size) values (?, ?, ?, ?)")
                        .params(job, uploads.get(i).originalName(), target.toString(), Files.size(target)).update();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool the upload", e);
        }
        audit.record(account.actor(), "ingest.upload", "job:" + job, Outcome.OK,
                Map.of("case", caseId, "files", uploads.size(), "names",
                        uploads.stream().map(Upload::originalName).limit(100).toList()));
        workers.wake();
        return job;
    }

    /** The job's progress and, as far as it has come, its results in the three groups specialists read. */
    public Map<String, Object> status(Account account, long jobId) {
        Map<String, Object> job = jdbc.sql("""
                        select j.id, j.state, j.investigation_id as case_id, j.series_id, j.created_at, j.finished_at,
                               count(f.id) as files, count(f.id) filter (where f.state = 'done') as files_done,
                               coalesce(sum(f.size), 0) as bytes, coalesce(sum(f.media_count), 0) as media
                        from ingest_job j left join ingest_file f on f.job_id = j.id
                        where j.id = ? and j.agency_id = ? group by j.id""")
                .params(jobId, account.agencyId()).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> {
                    audit.record(account.actor(), "ingest.view", "job:" + jobId, Outcome.REFUSED);
                    return ApiException.notFound("ingest job " + jobId);
                });
        audit.record(account.actor(), "ingest.view", "job:" + jobId, Outcome.OK);
        job.put("problems", jdbc.sql("""
                        select p from ingest_file f, jsonb_array_elements(f.problems) p where f.job_id = ? order by f.id""")
                .param(jobId).query(String.class).list().stream().map(p -> JSON.readValue(p, Map.class)).toList());
        job.put("results", IngestResults.of(jdbc, jobId, account.agencyId()));
        return job;
    }
}
