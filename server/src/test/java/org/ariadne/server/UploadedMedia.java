package org.ariadne.server;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.ariadne.media.TestImages;
import tools.jackson.databind.JsonNode;

/** Generated pictures for tests, and the media ids an ingest job made of them. */
public final class UploadedMedia {

    private UploadedMedia() {
    }

    /** A distinct colour JPEG for each seed (seeds unique to a test keep its media its own). */
    public static byte[] jpeg(int width, int height, long seed) {
        try {
            return TestImages.encode(TestImages.pattern(width, height, seed, BufferedImage.TYPE_INT_RGB), "jpg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The media ids in a finished job's results, in the order the results list them. */
    public static List<Long> mediaIds(JsonNode job) {
        return job.get("results").findParents("media_id").stream().map(media -> media.get("media_id").asLong()).toList();
    }
}
