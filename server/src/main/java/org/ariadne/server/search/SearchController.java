package org.ariadne.server.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ariadne.scene.Region;
import org.ariadne.server.matching.Matching;
import org.ariadne.server.security.Account;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class SearchController {

    private final Search search;
    private final SceneSearch scenes;

    SearchController(Search search, SceneSearch scenes) {
        this.search = search;
        this.scenes = scenes;
    }

    /** Search by a picture (multipart field {@code file}); the picture is hashed, never stored. */
    @PostMapping(path = "/api/search/image", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> byImage(@AuthenticationPrincipal Account account, @RequestPart("file") MultipartFile file)
            throws IOException {
        Path temporary = Files.createTempFile("ariadne-search", ".upload");
        try {
            file.transferTo(temporary);
            String name = file.getOriginalFilename() == null ? "query" : file.getOriginalFilename();
            return search.byImage(account, temporary, name);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @GetMapping("/api/search/hash")
    List<Map<String, Object>> byHash(@AuthenticationPrincipal Account account, @RequestParam String type,
                                     @RequestParam String value) {
        return search.byHash(account, type, value);
    }

    @GetMapping("/api/search/metadata")
    List<Map<String, Object>> byMetadata(@AuthenticationPrincipal Account account,
                                         @RequestParam(required = false) String serial,
                                         @RequestParam(required = false) String make,
                                         @RequestParam(required = false) String model,
                                         @RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to) {
        return search.byMetadata(account, serial, make, model, from, to);
    }

    @GetMapping("/api/search/annotations")
    List<Map<String, Object>> byAnnotation(@AuthenticationPrincipal Account account, @RequestParam String q) {
        return search.byAnnotation(account, q);
    }

    /**
     * Pictures that show what a box on a picture shows (an object, a room): {@code x, y, width, height} in
     * the picture's pixels, or none of them for the whole picture. Each hit has its score (agreeing
     * features) and the boxes around them in both pictures.
     */
    @GetMapping("/api/search/scene")
    List<Matching.SceneHit> byScene(@AuthenticationPrincipal Account account, @RequestParam long media,
                                    @RequestParam(required = false) Integer x, @RequestParam(required = false) Integer y,
                                    @RequestParam(required = false) Integer width,
                                    @RequestParam(required = false) Integer height) {
        Region region = x == null || y == null || width == null || height == null ? null : new Region(x, y, width, height);
        return scenes.byRegion(account, media, region);
    }

    @GetMapping("/api/statistics")
    Map<String, Object> statistics(@AuthenticationPrincipal Account account) {
        return search.statistics(account);
    }
}
