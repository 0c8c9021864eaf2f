package org.ariadne.server.ingest;

import java.util.List;
import java.util.Map;
import org.ariadne.server.security.Account;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class IngestController {

    private final IngestService ingest;

    IngestController(IngestService ingest) {
        this.ingest = ingest;
    }

    /**
     * Uploads pictures, videos or zip/tar archives into a case (multipart, field {@code files}, repeatable);
     * answers at once with the job, whose progress and results {@code GET /api/ingest/{job}} gives.
     */
    @PostMapping(path = "/api/cases/{caseId}/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> upload(@AuthenticationPrincipal Account account, @PathVariable long caseId,
                               @RequestParam(name = "series", required = false) Long seriesId,
                               @RequestPart("files") List<MultipartFile> files) {
        long job = ingest.submit(account, caseId, seriesId, files.stream().map(IngestService::of).toList());
        return ingest.status(account, job);
    }

    @GetMapping("/api/ingest/{job}")
    Map<String, Object> status(@AuthenticationPrincipal Account account, @PathVariable long job) {
        return ingest.status(account, job);
    }
}
