package org.ariadne.server.ui;

import java.util.List;
import org.ariadne.server.agencies.Agencies;
import org.ariadne.server.ingest.IngestService;
import org.ariadne.server.security.Account;
import org.ariadne.server.series.SeriesCatalog;
import org.ariadne.server.series.Sharing;
import org.ariadne.server.web.ApiException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An agency's cases: the list, a new case, and a case's page, where material is uploaded (by drag and drop,
 * sent to the REST API by upload.js) and the ingest job's progress and result appear in place.
 */
@Controller
class CasePages {

    private final SeriesCatalog catalog;
    private final IngestService ingest;
    private final Agencies agencies;

    CasePages(SeriesCatalog catalog, IngestService ingest, Agencies agencies) {
        this.catalog = catalog;
        this.ingest = ingest;
        this.agencies = agencies;
    }

    @GetMapping("/cases")
    String cases(@AuthenticationPrincipal Account account, Model model) {
        model.addAttribute("cases", catalog.cases(account));
        return "cases";
    }

    @PostMapping("/cases")
    String create(@AuthenticationPrincipal Account account, @RequestParam String reference,
                  @RequestParam(required = false) String title) {
        if (reference.isBlank()) {
            throw ApiException.badRequest("reference is required");
        }
        long id = catalog.createCase(account, reference.strip(), title == null || title.isBlank() ? reference.strip() : title.strip());
        return "redirect:/cases/" + id;
    }

    @GetMapping("/cases/{id}")
    String show(@AuthenticationPrincipal Account account, @PathVariable long id, Model model) {
        model.addAttribute("investigation", catalog.requireCase(account, id, "case.view"));
        model.addAttribute("series", catalog.inCase(account, id));
        model.addAttribute("agencies", agencies.all().stream().filter(a -> a.id() != account.agencyId()).toList());
        return "case";
    }

    @PostMapping("/cases/{id}/series")
    String createSeries(@AuthenticationPrincipal Account account, @PathVariable long id, @RequestParam String name,
                        @RequestParam(defaultValue = "all") String sharing,
                        @RequestParam(name = "agency", required = false) List<Long> granted) {
        if (name.isBlank()) {
            throw ApiException.badRequest("name is required");
        }
        long series = catalog.create(account, id, name.strip(), Sharing.fromStored(sharing), granted);
        return "redirect:/series/" + series;
    }

    /** The ingest job's progress; re-asks itself every second until the job is done, then shows the result. */
    @GetMapping("/jobs/{job}")
    String job(@AuthenticationPrincipal Account account, @PathVariable long job, Model model) {
        model.addAttribute("job", ingest.status(account, job));
        return "job :: job";
    }
}
