package org.ariadne.server.notices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import org.ariadne.server.security.Account;
import org.ariadne.server.web.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The JSON API of yellow notices, for the requesting agency. Times are instants (UTC); each answer also
 * gives the deadline in the viewer's {@code zone} (an IANA name such as {@code Europe/Paris}; UTC if none).
 */
@RestController
@RequestMapping("/api/notices")
class NoticeController {

    private final Notices notices;

    NoticeController(Notices notices) {
        this.notices = notices;
    }

    record Translation(String description, String distinguishingMarks) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    NoticeView create(@AuthenticationPrincipal Account account, @RequestBody NoticeForm body,
                      @RequestParam(required = false) String zone) {
        return notices.create(account, body, zone(zone));
    }

    @GetMapping
    List<Notice> list(@AuthenticationPrincipal Account account) {
        return notices.list(account);
    }

    @GetMapping("/dashboard")
    Dashboard dashboard(@AuthenticationPrincipal Account account, @RequestParam(required = false) String zone) {
        return notices.dashboard(account, zone(zone));
    }

    @GetMapping("/{id}")
    NoticeView view(@AuthenticationPrincipal Account account, @PathVariable long id,
                    @RequestParam(required = false) String zone) {
        return notices.view(account, id, zone(zone));
    }

    @PutMapping("/{id}")
    NoticeView update(@AuthenticationPrincipal Account account, @PathVariable long id, @RequestBody NoticeForm body,
                      @RequestParam(required = false) String zone) {
        return notices.update(account, id, body, zone(zone));
    }

    @PostMapping("/{id}/photos")
    NoticeView photo(@AuthenticationPrincipal Account account, @PathVariable long id, @RequestParam MultipartFile photo,
                     @RequestParam(required = false) String zone) {
        if (photo.getSize() > NoticePhotos.MAX_BYTES) {
            throw ApiException.badRequest("a photo is at most " + (NoticePhotos.MAX_BYTES >> 20) + " MB");
        }
        try {
            return notices.addPhoto(account, id, photo.getOriginalFilename(), photo.getBytes(), zone(zone));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping("/{id}/submit")
    NoticeView submit(@AuthenticationPrincipal Account account, @PathVariable long id,
                      @RequestParam(required = false) String zone) {
        return notices.submit(account, id, zone(zone));
    }

    @PutMapping("/{id}/texts/{language}")
    NoticeView translate(@AuthenticationPrincipal Account account, @PathVariable long id, @PathVariable String language,
                         @RequestBody Translation body, @RequestParam(required = false) String zone) {
        return notices.translate(account, id, Language.of(language), body.description(), body.distinguishingMarks(),
                zone(zone));
    }

    @PostMapping("/{id}/texts/{language}/review")
    NoticeView review(@AuthenticationPrincipal Account account, @PathVariable long id, @PathVariable String language,
                      @RequestParam(required = false) String zone) {
        return notices.review(account, id, Language.of(language), zone(zone));
    }

    @PostMapping("/{id}/publish")
    NoticeView publish(@AuthenticationPrincipal Account account, @PathVariable long id,
                       @RequestParam(required = false) String zone) {
        return notices.publish(account, id, zone(zone));
    }

    @PostMapping("/{id}/located")
    NoticeView located(@AuthenticationPrincipal Account account, @PathVariable long id,
                       @RequestParam(required = false) String zone) {
        return notices.close(account, id, NoticeState.LOCATED, zone(zone));
    }

    @PostMapping("/{id}/cancel")
    NoticeView cancel(@AuthenticationPrincipal Account account, @PathVariable long id,
                      @RequestParam(required = false) String zone) {
        return notices.close(account, id, NoticeState.CANCELLED, zone(zone));
    }

    @GetMapping("/{id}/pdf/{language}")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal Account account, @PathVariable long id,
                               @PathVariable String language) {
        return pdfAnswer(notices.previewPdf(account, id, Language.of(language)), "notice-" + id + "-" + language);
    }

    static ResponseEntity<byte[]> pdfAnswer(byte[] pdf, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + ".pdf\"").body(pdf);
    }

    private static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw ApiException.badRequest("unknown time zone " + zone + "; use an IANA name such as Europe/Paris");
        }
    }
}
