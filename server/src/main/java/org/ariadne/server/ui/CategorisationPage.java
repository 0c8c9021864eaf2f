package org.ariadne.server.ui;

import java.util.List;
import java.util.Map;
import org.ariadne.server.media.Categorisation;
import org.ariadne.server.media.MediaCatalog;
import org.ariadne.server.security.Account;
import org.ariadne.server.security.Role;
import org.ariadne.server.series.SeriesCatalog;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The categorisation grid: a series' media, or everything not yet agreed on, a page at a time. The grid is
 * worked with the keyboard (categorise.js): arrows move, 0-5 vote, space selects, u undoes; votes go to the
 * REST API, and a category becomes final when enough specialists agree.
 */
@Controller
class CategorisationPage {

    static final int PAGE = 48;

    private final MediaCatalog media;
    private final SeriesCatalog series;
    private final Categorisation categorisation;

    CategorisationPage(MediaCatalog media, SeriesCatalog series, Categorisation categorisation) {
        this.media = media;
        this.series = series;
        this.categorisation = categorisation;
    }

    /** Media that specialists categorised differently, with the votes for each category. */
    @GetMapping("/categorise/disagreements")
    String disagreements(@AuthenticationPrincipal Account account, @RequestParam(defaultValue = "0") int page,
                         Model model) {
        account.require(Role.SPECIALIST);
        int current = Pages.current(page);
        model.addAttribute("disagreements", categorisation.disagreements(account, current * PAGE, PAGE + 1));
        model.addAttribute("page", current);
        model.addAttribute("pageSize", PAGE);
        model.addAttribute("agreement", categorisation.agreement());
        return "disagreements";
    }

    @GetMapping("/categorise")
    String grid(@AuthenticationPrincipal Account account, @RequestParam(name = "series", required = false) Long seriesId,
                @RequestParam(defaultValue = "0") int page, Model model) {
        account.require(Role.SPECIALIST);
        int current = Pages.current(page);
        List<Map<String, Object>> items;
        if (seriesId != null) {
            model.addAttribute("series", series.visible(account, seriesId, "series.media"));
            items = media.inSeries(account, seriesId, current * PAGE, PAGE + 1);
        } else {
            items = media.uncategorised(account, current * PAGE, PAGE + 1);
        }
        model.addAttribute("media", items);
        model.addAttribute("page", current);
        model.addAttribute("pageSize", PAGE);
        model.addAttribute("seriesId", seriesId);
        model.addAttribute("categories", media.categories());
        return "categorise";
    }
}
