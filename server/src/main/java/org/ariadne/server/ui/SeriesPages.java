package org.ariadne.server.ui;

import java.time.LocalDate;
import java.util.List;
import org.ariadne.server.agencies.Agencies;
import org.ariadne.server.media.MediaCatalog;
import org.ariadne.server.security.Account;
import org.ariadne.server.series.Person;
import org.ariadne.server.series.PersonKind;
import org.ariadne.server.series.SeriesCatalog;
import org.ariadne.server.series.SeriesLinks;
import org.ariadne.server.series.SeriesSummary;
import org.ariadne.server.series.Sharing;
import org.ariadne.server.web.ApiException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A series: its media (a page at a time), status, victims and offenders, sharing, comments, and the series
 * it is linked to with the reason for each link. Changes are forms that come back to the page.
 */
@Controller
class SeriesPages {

    /** Tiles a page: a few screens of thumbnails at 1366x768, one query each. */
    static final int PAGE = 60;

    private final SeriesCatalog catalog;
    private final SeriesLinks links;
    private final MediaCatalog media;
    private final Agencies agencies;

    SeriesPages(SeriesCatalog catalog, SeriesLinks links, MediaCatalog media, Agencies agencies) {
        this.catalog = catalog;
        this.links = links;
        this.media = media;
        this.agencies = agencies;
    }

    @GetMapping("/series/{id}")
    String show(@AuthenticationPrincipal Account account, @PathVariable long id,
                @RequestParam(defaultValue = "0") int page, Model model) {
        SeriesSummary series = catalog.view(account, id);
        int current = Pages.current(page);
        model.addAttribute("series", series);
        boolean owner = series.agencyId() == account.agencyId();
        model.addAttribute("owner", owner);
        model.addAttribute("granted", owner ? catalog.grants(account, id) : List.of());
        model.addAttribute("media", media.inSeries(account, id, current * PAGE, PAGE + 1));
        model.addAttribute("page", current);
        model.addAttribute("pageSize", PAGE);
        model.addAttribute("victims", catalog.people(account, id, PersonKind.VICTIM));
        model.addAttribute("offenders", catalog.people(account, id, PersonKind.OFFENDER));
        model.addAttribute("comments", catalog.comments(account, id));
        model.addAttribute("links", links.of(account, id));
        model.addAttribute("agencies", agencies.all().stream().filter(a -> a.id() != account.agencyId()).toList());
        return "series";
    }

    @PostMapping("/series/{id}/status")
    String status(@AuthenticationPrincipal Account account, @PathVariable long id,
                  @RequestParam(defaultValue = "false") boolean victim, @RequestParam(defaultValue = "false") boolean offender,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        catalog.setStatus(account, id, victim, offender, on);
        return back(id);
    }

    @PostMapping("/series/{id}/sharing")
    String sharing(@AuthenticationPrincipal Account account, @PathVariable long id, @RequestParam String sharing,
                   @RequestParam(name = "agency", required = false) List<Long> granted) {
        catalog.setSharing(account, id, Sharing.fromStored(sharing), granted);
        return back(id);
    }

    @PostMapping("/series/{id}/comments")
    String comment(@AuthenticationPrincipal Account account, @PathVariable long id, @RequestParam String body) {
        if (body.isBlank()) {
            throw ApiException.badRequest("the comment is empty");
        }
        catalog.comment(account, id, body.strip());
        return back(id) + "#comments";
    }

    @PostMapping("/series/{id}/{people:victims|offenders}")
    String person(@AuthenticationPrincipal Account account, @PathVariable long id, @PathVariable String people,
                  @RequestParam String codeName, @RequestParam(defaultValue = "unknown") String sex,
                  @RequestParam(required = false) String ageRange, @RequestParam(required = false) String country,
                  @RequestParam(defaultValue = "false") boolean identified) {
        if (codeName.isBlank()) {
            throw ApiException.badRequest("a code name is required");
        }
        catalog.addPerson(account, id, PersonKind.fromPath(people),
                new Person(codeName.strip(), sex, blankToNull(ageRange), blankToNull(country), identified, null));
        return back(id) + "#people";
    }

    private static String back(long id) {
        return "redirect:/series/" + id;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
