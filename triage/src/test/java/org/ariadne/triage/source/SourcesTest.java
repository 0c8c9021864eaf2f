package org.ariadne.triage.source;

import static org.ariadne.triage.source.TestArchives.random;
import static org.ariadne.triage.source.TestArchives.text;
import static org.ariadne.triage.source.TestArchives.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Roots, items and limits: what the package promises its callers. */
class SourcesTest extends SourcesTestCase {

    @Test
    void rootsComeInTheOrderGivenAndASingleFileIsItsOwnItem() {
        Path second = write(folder.resolve("z/second.bin"), random(1, 100));
        Path first = write(folder.resolve("a/first.bin"), random(2, 100));

        assertThat(names(walk(SourceLimits.DEFAULT, second, first.getParent())))
                .containsExactly(second.toString(), first.toString());
    }

    @Test
    void missingRootsAreListedAndAWalkRefusesThem() {
        Path present = write(folder.resolve("present.txt"), text("here"));
        Path absent = folder.resolve("absent");

        assertThat(Sources.missing(List.of(present, absent))).containsExactly(absent + ": no such file or folder");
        assertThat(Sources.missing(List.of(present))).isEmpty();
        assertThat(walk(SourceLimits.DEFAULT, absent, present)).containsExactly(
                new SourceItem.Refused(absent.toString(), -1, "no such file or folder"),
                new SourceItem.OnDisk(present.toString(), present, false));
    }

    @Test
    void whatTheConsumerThrowsEndsTheWalkAsItWas() {
        Path file = write(folder.resolve("a.txt"), text("x"));
        IllegalStateException stop = new IllegalStateException("consumer stopped");

        assertThatThrownBy(() -> new Sources(SourceLimits.DEFAULT, temporary()).walk(List.of(file), item -> {
            throw stop;
        })).isSameAs(stop);
    }

    @Test
    void inMemoryItemsAreEqualByTheirBytesNotTheirBuffers() {
        SourceItem.InMemory a = new SourceItem.InMemory("n", new byte[] {1, 2, 3, 9}, 3);
        SourceItem.InMemory b = new SourceItem.InMemory("n", new byte[] {1, 2, 3}, 3);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new SourceItem.InMemory("n", new byte[] {1, 2, 4}, 3));
        assertThatThrownBy(() -> new SourceItem.InMemory("n", new byte[2], 3))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void limitsMustBeUsable() {
        assertThatThrownBy(() -> new SourceLimits(-1, 1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SourceLimits(1L << 31, 1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SourceLimits(1, 1, 1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SourceLimits.DEFAULT.maxRatio()).isEqualTo(200);
    }
}
