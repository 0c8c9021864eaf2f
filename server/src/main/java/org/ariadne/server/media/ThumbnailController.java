package org.ariadne.server.media;

import java.util.List;
import org.ariadne.server.security.Account;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Thumbnails and video keyframes as JPEG. The browser may keep them an hour, for this user only (never a
 * shared cache): scrolling back through the grid then costs no request.
 */
@RestController
@RequestMapping("/api/media/{id}")
class ThumbnailController {

    /**
     * Never kept by the browser: a specialist's machine keeps no imagery after sign-out (the server keeps
     * each thumbnail, encrypted, so asking again costs a read, not a decode).
     */
    private static final String CACHE_CONTROL = "private, no-store";

    private final Thumbnails thumbnails;

    ThumbnailController(Thumbnails thumbnails) {
        this.thumbnails = thumbnails;
    }

    /** {@code colour=true}: a picture in colour where it can be (else grey, as by default). */
    @GetMapping("/thumbnail")
    ResponseEntity<byte[]> thumbnail(@AuthenticationPrincipal Account account, @PathVariable long id,
                                     @RequestParam(defaultValue = "" + Thumbnails.DEFAULT_SIZE) int size,
                                     @RequestParam(defaultValue = "false") boolean colour) {
        return jpeg(thumbnails.thumbnail(account, id, size, colour));
    }

    /** A video's keyframe times; a picture's list is empty. */
    @GetMapping("/keyframes")
    List<Thumbnails.Keyframe> keyframes(@AuthenticationPrincipal Account account, @PathVariable long id,
                                        @RequestParam(defaultValue = "" + Thumbnails.DEFAULT_KEYFRAMES) int count) {
        return thumbnails.keyframes(account, id, count);
    }

    @GetMapping("/keyframes/{index}")
    ResponseEntity<byte[]> keyframe(@AuthenticationPrincipal Account account, @PathVariable long id,
                                    @PathVariable int index,
                                    @RequestParam(defaultValue = "" + Thumbnails.DEFAULT_KEYFRAMES) int count,
                                    @RequestParam(defaultValue = "" + Thumbnails.DEFAULT_SIZE) int size) {
        return jpeg(thumbnails.keyframe(account, id, count, index, size));
    }

    private static ResponseEntity<byte[]> jpeg(byte[] jpeg) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .body(jpeg);
    }
}
