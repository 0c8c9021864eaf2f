package org.ariadne.server.ui;

import java.util.Map;
import org.ariadne.server.matching.MediaComparison;
import org.ariadne.server.media.MediaCatalog;
import org.ariadne.server.security.Account;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One media item (metadata, signals, where it was submitted, what it matches, the agency's annotations drawn
 * on it), and two side by side. Annotations are drawn by annotate.js and saved through the REST API.
 */
@Controller
class MediaPages {

    private final MediaCatalog media;
    private final MediaComparison comparison;

    MediaPages(MediaCatalog media, MediaComparison comparison) {
        this.media = media;
        this.comparison = comparison;
    }

    @GetMapping("/media/{id}")
    String show(@AuthenticationPrincipal Account account, @PathVariable long id, Model model) {
        Map<String, Object> item = media.view(account, id);
        model.addAttribute("m", item);
        // boxes are drawn on, and searched in, the picture as shown: upright, sides swapped by a quarter turn
        boolean turned = MediaCatalog.orientation((String) item.get("metadata")).swapsSides();
        model.addAttribute("shownWidth", turned ? item.get("height") : item.get("width"));
        model.addAttribute("shownHeight", turned ? item.get("width") : item.get("height"));
        model.addAttribute("video", item.get("media_type") != null && ((String) item.get("media_type")).startsWith("video"));
        return "media";
    }

    @GetMapping("/compare")
    String compare(@AuthenticationPrincipal Account account, @RequestParam long a, @RequestParam long b, Model model) {
        model.addAttribute("a", media.view(account, a));
        model.addAttribute("b", media.view(account, b));
        model.addAttribute("comparison", comparison.compare(account, a, b));
        return "compare";
    }
}
