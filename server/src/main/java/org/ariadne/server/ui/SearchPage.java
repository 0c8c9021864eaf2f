package org.ariadne.server.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ariadne.scene.Region;
import org.ariadne.server.search.SceneSearch;
import org.ariadne.server.search.Search;
import org.ariadne.server.security.Account;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

/**
 * Search by image (dropped or chosen; hashed, never stored), by hash, by camera, by annotation text. Each
 * search is a plain form, so results have an address and the page works without scripts.
 */
@Controller
class SearchPage {

    private final Search search;
    private final SceneSearch scenes;

    SearchPage(Search search, SceneSearch scenes) {
        this.search = search;
        this.scenes = scenes;
    }

    /** Pictures showing what a box on a picture shows (the media page's "Find elsewhere"). */
    @GetMapping("/search/scene")
    String scene(@AuthenticationPrincipal Account account, @RequestParam long media,
                 @RequestParam(required = false) Integer x, @RequestParam(required = false) Integer y,
                 @RequestParam(required = false) Integer width, @RequestParam(required = false) Integer height,
                 Model model) {
        Region region = x == null || y == null || width == null || height == null ? null
                : new Region(Math.max(0, x), Math.max(0, y), Math.max(1, width), Math.max(1, height));
        model.addAttribute("sceneOf", media);
        model.addAttribute("sceneHits", scenes.byRegion(account, media, region));
        return "search";
    }

    @GetMapping("/search")
    String form() {
        return "search";
    }

    @PostMapping("/search/image")
    String image(@AuthenticationPrincipal Account account, @RequestPart("file") MultipartFile file, Model model)
            throws IOException {
        Path temporary = Files.createTempFile("ariadne-search", ".upload");
        try {
            file.transferTo(temporary);
            Map<String, Object> found = search.byImage(account, temporary,
                    file.getOriginalFilename() == null ? "query" : file.getOriginalFilename());
            model.addAttribute("image", found);
            return "search";
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @GetMapping("/search/hash")
    String hash(@AuthenticationPrincipal Account account, @RequestParam String type, @RequestParam String value, Model model) {
        return results(model, search.byHash(account, type, value));
    }

    @GetMapping("/search/camera")
    String camera(@AuthenticationPrincipal Account account, @RequestParam(required = false) String serial,
                  @RequestParam(required = false) String make, @RequestParam(required = false) String model,
                  @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model page) {
        return results(page, search.byMetadata(account, serial, make, model, from, to));
    }

    @GetMapping("/search/text")
    String text(@AuthenticationPrincipal Account account, @RequestParam String q, Model model) {
        return results(model, search.byAnnotation(account, q));
    }

    private static String results(Model model, List<Map<String, Object>> hits) {
        model.addAttribute("hits", hits);
        return "search";
    }
}
