package org.ariadne.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {

    @TempDir
    Path folder;

    /** Eight random 256-bit centres, each with members a few bits away: eight obvious clusters. */
    private static long[] clusters(Random random, int[] clusterOf) {
        long[] centres = new long[8 * 4];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = random.nextLong();
        }
        long[] descriptors = new long[clusterOf.length * 4];
        for (int d = 0; d < clusterOf.length; d++) {
            clusterOf[d] = d % 8;
            System.arraycopy(centres, clusterOf[d] * 4, descriptors, d * 4, 4);
            for (int flip = 0; flip < 12; flip++) {
                int bit = random.nextInt(256);
                descriptors[d * 4 + bit / 64] ^= 1L << (bit % 64);
            }
        }
        return descriptors;
    }

    @Test
    void trainingSeparatesClustersAndKeepsMembersTogether() {
        int[] clusterOf = new int[800];
        long[] descriptors = clusters(new Random(5), clusterOf);

        Vocabulary vocabulary = new VocabularyTraining(8, 1, 1).train(descriptors);

        int[] wordOfCluster = new int[8];
        java.util.Arrays.fill(wordOfCluster, -1);
        for (int d = 0; d < clusterOf.length; d++) {
            int word = vocabulary.word(descriptors, d * 4);
            if (wordOfCluster[clusterOf[d]] < 0) {
                wordOfCluster[clusterOf[d]] = word;
            }
            assertThat(word).as("descriptor %d", d).isEqualTo(wordOfCluster[clusterOf[d]]);
        }
        Set<Integer> distinct = new HashSet<>();
        for (int w : wordOfCluster) {
            distinct.add(w);
        }
        assertThat(distinct).as("eight clusters, eight words").hasSize(8);
    }

    @Test
    void survivesItsFileAndRefusesDamagedOnes() throws IOException {
        Vocabulary vocabulary = new VocabularyTraining(4, 2, 1).train(clusters(new Random(6), new int[200]));
        Path file = folder.resolve("words.bin");
        vocabulary.write(file);

        Vocabulary read = Vocabulary.read(file);
        assertThat(read.id()).isEqualTo(vocabulary.id());
        assertThat(read.size()).isEqualTo(16);

        byte[] bytes = Files.readAllBytes(file);
        bytes[40] ^= 1;
        Files.write(file, bytes);
        assertThatThrownBy(() -> Vocabulary.read(file)).hasMessageContaining("checksum");
        Files.write(file, java.util.Arrays.copyOf(bytes, 100));
        assertThatThrownBy(() -> Vocabulary.read(file)).hasMessageContaining("bytes");
        Files.writeString(file, "hello");
        assertThatThrownBy(() -> Vocabulary.read(file)).hasMessageContaining("not an Ariadne vocabulary");
    }

    @Test
    void theShippedVocabularyLoads() {
        assertThat(Vocabulary.standard().size()).isEqualTo(4096);
    }
}
