package org.ariadne.server.media;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import org.ariadne.server.security.Account;
import org.ariadne.server.web.ApiException;
import org.springframework.core.io.InputStreamResource;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/media")
class MediaController {

    private static final Set<String> CLUE_TYPES = Set.of("object", "text", "location", "person");

    private final MediaCatalog catalog;
    private final Categorisation categorisation;

    MediaController(MediaCatalog catalog, Categorisation categorisation) {
        this.catalog = catalog;
        this.categorisation = categorisation;
    }

    record Category(String category) {
    }

    @GetMapping("/{id}")
    Map<String, Object> view(@AuthenticationPrincipal Account account, @PathVariable long id) {
        return catalog.view(account, id);
    }

    /** The file itself, as submitted; never cached by the browser. */
    @GetMapping("/{id}/content")
    ResponseEntity<InputStreamResource> content(@AuthenticationPrincipal Account account, @PathVariable long id)
            throws IOException {
        InputStream in = catalog.content(account, id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"media-" + id + "\"")
                .body(new InputStreamResource(in));
    }

    @PostMapping("/{id}/annotations")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> annotate(@AuthenticationPrincipal Account account, @PathVariable long id,
                                 @RequestBody Annotation body) {
        if (body.clueType() == null || !CLUE_TYPES.contains(body.clueType())) {
            throw ApiException.badRequest("clue_type must be one of " + CLUE_TYPES);
        }
        if (body.width() <= 0 || body.height() <= 0 || body.x() < 0 || body.y() < 0) {
            throw ApiException.badRequest("the box needs x, y >= 0 and width, height > 0");
        }
        return Map.of("id", catalog.annotate(account, id, body));
    }

    /**
     * Kept for existing clients: now the caller's vote, as {@code PUT /api/media/{id}/vote} (the category is
     * final only once enough specialists agree), audited as {@code media.categorise}.
     */
    @PutMapping("/{id}/category")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void categorise(@AuthenticationPrincipal Account account, @PathVariable long id, @RequestBody Category body) {
        categorisation.categorise(account, id, body.category());
    }
}
