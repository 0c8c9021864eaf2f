package org.ariadne.server.notices;

import org.ariadne.server.web.ApiException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The public pages of published notices, open to anyone without signing in: per language an HTML page,
 * a PDF and the same content as JSON, and the photos' public copies. Anything not published (a draft, a
 * located child) is answered as not found, like an address that never existed.
 */
@Controller
class PublicNoticeController {

    private final Notices notices;

    PublicNoticeController(Notices notices) {
        this.notices = notices;
    }

    @GetMapping("/notices/{publicId}/{language}")
    String page(@PathVariable String publicId, @PathVariable String language, Model model) {
        PublicNotice notice = notice(publicId, language);
        model.addAttribute("notice", notice);
        model.addAttribute("pdfLabel", Labels.of(notice.language()).get("pdf"));
        return "notices/public";
    }

    @GetMapping("/notices/{publicId}/{language}/json")
    @ResponseBody
    PublicNotice json(@PathVariable String publicId, @PathVariable String language) {
        return notice(publicId, language);
    }

    @GetMapping("/notices/{publicId}/{language}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String publicId, @PathVariable String language) {
        Language lang = Language.of(language);
        Notice notice = published(publicId);
        return NoticeController.pdfAnswer(notices.publicPdf(notice, lang), "notice-" + publicId + "-" + lang.code());
    }

    @GetMapping("/notices/{publicId}/photos/{position}")
    ResponseEntity<byte[]> photo(@PathVariable String publicId, @PathVariable int position) {
        byte[] photo = notices.publicPhoto(published(publicId), position)
                .orElseThrow(() -> ApiException.notFound("photo"));
        // short: a located child's photo must not linger in caches for long
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5))).body(photo);
    }

    private PublicNotice notice(String publicId, String language) {
        Language lang = Language.of(language);
        return notices.publicNotice(published(publicId), lang);
    }

    private Notice published(String publicId) {
        return notices.published(publicId).orElseThrow(() -> ApiException.notFound("notice"));
    }
}
