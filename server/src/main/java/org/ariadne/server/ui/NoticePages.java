package org.ariadne.server.ui;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.ariadne.server.notices.Language;
import org.ariadne.server.notices.NoticeForm;
import org.ariadne.server.notices.NoticeState;
import org.ariadne.server.notices.Notices;
import org.ariadne.server.security.Account;
import org.ariadne.server.web.ApiException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

/**
 * Yellow notices for the agency's desk: the dashboard (open notices by time left, the share published within
 * 72 hours each month), a new notice, and a notice's page where each step of the workflow is one button or
 * form. Under {@code /yellow-notices}: {@code /notices/} is the public pages' own, open to anyone.
 */
@Controller
class NoticePages {

    private final Notices notices;
    private final ZoneId zone;

    NoticePages(Notices notices) {
        this.notices = notices;
        this.zone = ZoneId.systemDefault();
    }

    @GetMapping("/yellow-notices")
    String dashboard(@AuthenticationPrincipal Account account, Model model) {
        model.addAttribute("dashboard", notices.dashboard(account, zone));
        model.addAttribute("notices", notices.list(account));
        return "yellow-notices";
    }

    @GetMapping("/yellow-notices/new")
    String form() {
        return "yellow-notice-new";
    }

    @PostMapping("/yellow-notices")
    String create(@AuthenticationPrincipal Account account, @RequestParam String reference,
                  @RequestParam String familyName, @RequestParam String givenNames, @RequestParam String sex,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
                  @RequestParam(required = false) String birthPlace, @RequestParam(required = false) String birthCountry,
                  @RequestParam(required = false) String nationalities, @RequestParam(required = false) Integer heightCm,
                  @RequestParam(required = false) Integer weightKg, @RequestParam(required = false) String eyeColour,
                  @RequestParam(required = false) String hairColour,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate disappearedOn,
                  @RequestParam(required = false) String disappearedPlace,
                  @RequestParam(required = false) String disappearedCountry, @RequestParam String contact,
                  @RequestParam String sourceLanguage, @RequestParam String description,
                  @RequestParam(required = false) String distinguishingMarks) {
        List<String> countries = nationalities == null ? List.of()
                : Arrays.stream(nationalities.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        long id = notices.create(account, new NoticeForm(reference, familyName, givenNames, sex, birthDate,
                blank(birthPlace), blank(birthCountry), countries, heightCm, weightKg, blank(eyeColour),
                blank(hairColour), disappearedOn, blank(disappearedPlace), blank(disappearedCountry), contact,
                sourceLanguage, description, blank(distinguishingMarks)), zone).notice().id();
        return back(id);
    }

    @GetMapping("/yellow-notices/{id}")
    String show(@AuthenticationPrincipal Account account, @PathVariable long id, Model model) {
        model.addAttribute("view", notices.view(account, id, zone));
        model.addAttribute("languages", Language.values());
        return "yellow-notice";
    }

    @PostMapping("/yellow-notices/{id}/photos")
    String photo(@AuthenticationPrincipal Account account, @PathVariable long id,
                 @RequestPart("photo") MultipartFile photo) throws IOException {
        if (photo.getSize() > Notices.MAX_PHOTO_BYTES) { // before reading it into memory
            throw ApiException.badRequest("a photo is at most " + (Notices.MAX_PHOTO_BYTES >> 20) + " MB");
        }
        notices.addPhoto(account, id, photo.getOriginalFilename() == null ? "photo" : photo.getOriginalFilename(),
                photo.getBytes(), zone);
        return back(id);
    }

    @PostMapping("/yellow-notices/{id}/texts/{language}")
    String translate(@AuthenticationPrincipal Account account, @PathVariable long id, @PathVariable String language,
                     @RequestParam String description, @RequestParam(required = false) String distinguishingMarks) {
        notices.translate(account, id, Language.of(language), description, blank(distinguishingMarks), zone);
        return back(id);
    }

    @PostMapping("/yellow-notices/{id}/texts/{language}/review")
    String review(@AuthenticationPrincipal Account account, @PathVariable long id, @PathVariable String language) {
        notices.review(account, id, Language.of(language), zone);
        return back(id);
    }

    @PostMapping("/yellow-notices/{id}/{step:submit|publish|located|cancel}")
    String step(@AuthenticationPrincipal Account account, @PathVariable long id, @PathVariable String step) {
        switch (step) {
            case "submit" -> notices.submit(account, id, zone);
            case "publish" -> notices.publish(account, id, zone);
            case "located" -> notices.close(account, id, NoticeState.LOCATED, zone);
            case "cancel" -> notices.close(account, id, NoticeState.CANCELLED, zone);
            default -> throw ApiException.notFound("step " + step);
        }
        return back(id);
    }

    private static String back(long id) {
        return "redirect:/yellow-notices/" + id;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
