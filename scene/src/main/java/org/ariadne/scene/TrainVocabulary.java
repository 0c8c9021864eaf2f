package org.ariadne.scene;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ariadne.media.DecodedImage;
import org.ariadne.media.ImageDecoder;
import org.ariadne.media.Orientation;
import org.ariadne.media.UndecodableMediaException;

/**
 * Makes a vocabulary file from photos: {@code TrainVocabulary OUT BRANCHING DEPTH PHOTO_OR_FOLDER...}.
 * How the shipped vocabulary was made is in bench/README.md ("scene"). A photo that cannot be decoded
 * is reported and skipped.
 */
public final class TrainVocabulary {

    /**
     * Training takes more features a photo than extraction keeps, so that weaker corners, which other
     * photos' strongest ones resemble, are represented too.
     */
    static final int TRAINING_FEATURES = 2000;

    /** Fixed, so that the same photos always give the same vocabulary (and the same id). */
    static final long SEED = 20261123L;

    private TrainVocabulary() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: TrainVocabulary OUT BRANCHING DEPTH PHOTO_OR_FOLDER...");
            System.exit(2);
        }
        List<Path> photos = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            try (Stream<Path> walk = Files.walk(Path.of(args[i]))) {
                walk.filter(Files::isRegularFile).sorted().forEach(photos::add);
            }
        }
        long[] descriptors = descriptors(photos, System.err);
        Vocabulary vocabulary = new VocabularyTraining(Integer.parseInt(args[1]), Integer.parseInt(args[2]), SEED)
                .train(descriptors);
        vocabulary.write(Path.of(args[0]));
        System.err.printf("%d descriptors from %d photos: %d words, id %08x%n",
                descriptors.length / Vocabulary.DESCRIPTOR_LONGS, photos.size(), vocabulary.size(), vocabulary.id());
    }

    static long[] descriptors(List<Path> photos, PrintStream log) throws IOException {
        ImageDecoder decoder = new ImageDecoder();
        long[] all = new long[0];
        int used = 0;
        for (Path photo : photos) {
            byte[] data = Files.readAllBytes(photo);
            try {
                DecodedImage image = decoder.decode(data, data.length, Orientation.NORMAL);
                SceneExtractor.Detected found = SceneExtractor.detect(image.luma(),
                        Region.whole(image.luma().width(), image.luma().height()), false, TRAINING_FEATURES);
                long[] more = found.descriptors();
                all = java.util.Arrays.copyOf(all, used + more.length);
                System.arraycopy(more, 0, all, used, more.length);
                used += more.length;
            } catch (UndecodableMediaException e) {
                log.println(photo + ": skipped, " + e.getMessage());
            }
        }
        return all;
    }
}
