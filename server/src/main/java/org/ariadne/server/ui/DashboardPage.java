package org.ariadne.server.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.TreeMap;
import org.ariadne.server.matching.Deconfliction;
import org.ariadne.server.search.Search;
import org.ariadne.server.security.Account;
import org.ariadne.server.series.SeriesCatalog;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The first page after sign-in: what is new for the agency (alerts), its series, and the figures. No imagery. */
@Controller
class DashboardPage {

    private static final int ALERTS = 20;
    private static final int SERIES = 20;

    private final Deconfliction deconfliction;
    private final SeriesCatalog series;
    private final Search search;

    DashboardPage(Deconfliction deconfliction, SeriesCatalog series, Search search) {
        this.deconfliction = deconfliction;
        this.series = series;
        this.search = search;
    }

    @GetMapping("/")
    String dashboard(@AuthenticationPrincipal Account account, Model model) {
        model.addAttribute("alerts", deconfliction.alertViews(account, ALERTS));
        model.addAttribute("series", series.own(account, SERIES));
        Map<String, Object> figures = search.statistics(account);
        model.addAttribute("figures", figures);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> identified = (List<Map<String, Object>>) figures.get("identified_victims");
        model.addAttribute("byCountry", BarChart.of(sum(identified, "country")));
        model.addAttribute("byYear", BarChart.of(sum(identified, "year")));
        return "dashboard";
    }

    /** Marks an alert of the agency's as read (it stays listed, no longer highlighted). */
    @PostMapping("/alerts/{id}/read")
    String read(@AuthenticationPrincipal Account account, @PathVariable long id) {
        deconfliction.markRead(account, id);
        return "redirect:/#alert-" + id;
    }

    /** Victims per value of one column, in the column's order. */
    private static SequencedMap<String, Long> sum(List<Map<String, Object>> rows, String column) {
        TreeMap<String, Long> sums = new TreeMap<>();
        for (Map<String, Object> row : rows) {
            Object key = row.get(column);
            sums.merge(key == null ? "?" : key.toString(), ((Number) row.get("victims")).longValue(), Long::sum);
        }
        return new LinkedHashMap<>(sums);
    }
}
