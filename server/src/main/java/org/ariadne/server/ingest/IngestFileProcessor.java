package org.ariadne.server.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ariadne.hashing.MediaHasher;
import org.ariadne.hashing.MediaRecord;
import org.ariadne.hashing.metadata.MediaMetadata;
import org.ariadne.hashing.pdq.PdqHash;
import org.ariadne.scene.SceneFeatures;
import org.ariadne.hashing.vpdq.VpdqHash;
import org.ariadne.hashing.vpdq.VpdqHasher;
import org.ariadne.media.DecodeLimits;
import org.ariadne.server.matching.Deconfliction;
import org.ariadne.server.matching.Matching;
import org.ariadne.server.store.MediaStore;
import org.ariadne.triage.source.SourceItem;
import org.ariadne.triage.source.SourceLimits;
import org.ariadne.triage.source.Sources;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ingests one uploaded file inside the worker's transaction: a picture or video, or an archive whose
 * members are walked with the same limits as the field triage (zip slip, links, bombs and corrupt archives
 * refused and reported, the rest kept). Each item is hashed (a video: its vPDQ, one frame a second), stored
 * once by content, submitted, linked and deconflicted.
 */
@Component
class IngestFileProcessor {

    private final JdbcClient jdbc;
    private final MediaStore store;
    private final Matching matching;
    private final Deconfliction deconfliction;
    private final Path scratch;
    private final ThreadLocal<MediaHasher> hashers = ThreadLocal.withInitial(() -> new MediaHasher(DecodeLimits.DEFAULT));
    private final JsonMapper json = JsonMapper.builder().build();

    IngestFileProcessor(JdbcClient jdbc, MediaStore store, Matching matching, Deconfliction deconfliction,
                        @Value("${ariadne.data}") Path data) {
        this.jdbc = jdbc;
        this.store = store;
        this.matching = matching;
        this.deconfliction = deconfliction;
        this.scratch = data.resolve("spool").resolve("scratch");
        try {
            Files.createDirectories(scratch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What came of a file: how many media items it held, and what was refused or could not be read. */
    record Outcome(int media, String problemsJson) {
    }

    Outcome process(IngestWorkers.PendingFile file) {
        Path spooled = Path.of(file.spoolPath());
        List<Map<String, String>> problems = new ArrayList<>();
        int[] media = {0};
        if (!Files.isRegularFile(spooled)) {
            problems.add(Map.of("path", file.originalName(), "error", "the uploaded file is missing from the spool"));
            return new Outcome(0, json.writeValueAsString(problems));
        }
        String prefix = spooled.toString();
        new Sources(SourceLimits.DEFAULT, scratch).walk(List.of(spooled), item -> {
            String name = file.originalName() + item.name().substring(Math.min(prefix.length(), item.name().length()));
            try {
                switch (item) {
                    case SourceItem.Refused refused -> problems.add(Map.of("path", name, "error", refused.reason()));
                    case SourceItem.OnDisk onDisk -> {
                        SceneFeatures[] scene = new SceneFeatures[1];
                        MediaRecord record = hashers.get().hash(onDisk.file(), name, picture -> scene[0] = matching.scene(picture));
                        if (ingest(file, name, record, scene[0], () -> Files.newInputStream(onDisk.file()), problems)) {
                            media[0]++;
                        }
                    }
                    case SourceItem.InMemory inMemory -> {
                        SceneFeatures[] scene = new SceneFeatures[1];
                        MediaRecord record = hashers.get().hash(name, inMemory.data(), inMemory.length(),
                                picture -> scene[0] = matching.scene(picture));
                        if (ingest(file, name, record, scene[0],
                                () -> new ByteArrayInputStream(inMemory.data(), 0, inMemory.length()), problems)) {
                            media[0]++;
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                if (item instanceof SourceItem.OnDisk onDisk && onDisk.temporary()) {
                    onDisk.file().toFile().delete();
                }
            }
        });
        return new Outcome(media[0], json.writeValueAsString(problems));
    }

    /**
     * The second step, in a transaction after the first has committed: links every media item of the file
     * and raises the deconfliction alerts. Run after the commit so that, of two uploads of related material
     * that were ingested at the same time, the one that commits last sees the other.
     */
    void link(IngestWorkers.PendingFile file) {
        List<Map<String, Object>> items = jdbc.sql("""
                        select m.id, m.pdq_quality, m.pdq_dihedral::text[] as dihedral, m.camera_serial, m.vpdq, m.scene
                        from ingest_result r join media m on m.id = r.media_id where r.file_id = ?""")
                .param(file.id()).query().listOfRows();
        for (Map<String, Object> item : items) {
            long mediaId = ((Number) item.get("id")).longValue();
            Number quality = (Number) item.get("pdq_quality");
            List<PdqHash> variants = new ArrayList<>();
            if (quality != null && quality.intValue() >= Matching.MIN_PDQ_QUALITY && item.get("dihedral") != null) {
                try {
                    for (Object hex : (Object[]) ((java.sql.Array) item.get("dihedral")).getArray()) {
                        variants.add(PdqHash.parse((String) hex));
                    }
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            VpdqHash vpdq = item.get("vpdq") == null ? null : VpdqHash.parse((String) item.get("vpdq"));
            SceneFeatures scene = item.get("scene") == null ? null : SceneFeatures.decode((byte[]) item.get("scene"));
            List<Matching.Link> links = matching.link(mediaId, variants, vpdq, scene, (String) item.get("camera_serial"),
                    file.agencyId());
            deconfliction.raise(mediaId, links, file.agencyId());
            deconfliction.raiseForNotices(mediaId, variants);
        }
    }

    private interface Content {
        InputStream open() throws IOException;
    }

    private boolean ingest(IngestWorkers.PendingFile file, String name, MediaRecord record, SceneFeatures scene,
                           Content content, List<Map<String, String>> problems) throws IOException {
        String sha256 = record.fileSignal("sha256");
        if (sha256 == null) {
            problems.add(Map.of("path", name, "error", record.error() == null ? "unreadable" : record.error()));
            return false;
        }
        if (record.error() != null) {
            problems.add(Map.of("path", name, "error", record.error()));
        }
        try (InputStream in = content.open()) {
            store.put(sha256, in);
        }
        MediaMetadata metadata = record.metadata() == null ? MediaMetadata.NONE : record.metadata();
        PdqHash pdq = record.pdq() == null ? null : record.pdq().hash();
        VpdqHasher.VideoHash video = record.video();
        Integer quality = record.pdq() == null ? null : record.pdq().quality();
        Long inserted = jdbc.sql("""
                        insert into media (sha256, sha1, md5, size, media_type, width, height, pdq, pdq_quality,
                                           pdq_dihedral, camera_make, camera_model, camera_serial, taken_at, metadata, error,
                                           vpdq, duration_seconds, video_codec, video_info, scene)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb, ?)
                        on conflict (sha256) do nothing returning id""")
                .params(sha256, record.fileSignal("sha1"), record.fileSignal("md5"), record.size(), record.mediaType(),
                        record.width(), record.height(), pdq == null ? null : pdq.hex(), quality,
                        record.pdq() == null ? null : record.pdq().dihedral().stream().map(PdqHash::hex).toArray(String[]::new),
                        metadata.cameraMake(), metadata.cameraModel(), metadata.bodySerialNumber(),
                        metadata.dateTimeOriginal(), json.writeValueAsString(metadata.fields()), record.error(),
                        video == null ? null : video.vpdq().format(),
                        video == null ? null : video.info().durationSeconds(),
                        video == null ? null : video.info().codec(),
                        video == null ? null : json.writeValueAsString(video.info()),
                        scene == null ? null : scene.encode())
                .query(Long.class).optional().orElse(null);
        boolean isNew = inserted != null;
        long mediaId = isNew ? inserted
                : jdbc.sql("select id from media where sha256 = ?").param(sha256).query(Long.class).single();
        jdbc.sql("""
                        insert into submission (media_id, agency_id, investigation_id, series_id, original_path)
                        values (?, ?, ?, ?, ?) on conflict (media_id, investigation_id, original_path) do nothing""")
                .params(mediaId, file.agencyId(), file.investigationId(), file.seriesId(), name).update();
        if (isNew) {
            matching.indexed(mediaId, pdq, quality == null ? 0 : quality);
            if (video != null) {
                matching.indexed(mediaId, video.vpdq());
            }
            if (scene != null) {
                matching.indexed(mediaId, scene);
            }
        }
        jdbc.sql("""
                        insert into ingest_result (job_id, file_id, media_id, path) values (?, ?, ?, ?)
                        on conflict (job_id, media_id, path) do nothing""")
                .params(file.jobId(), file.id(), mediaId, name).update();
        return true;
    }
}
