package org.ariadne.triage.source;

import static org.ariadne.triage.source.TestArchives.gzip;
import static org.ariadne.triage.source.TestArchives.random;
import static org.ariadne.triage.source.TestArchives.text;
import static org.ariadne.triage.source.TestArchives.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Names, order and formats: what an honest source gives. */
class SourcesTest extends SourcesTestCase {

    private static byte[] bytes(SourceItem item) {
        try {
            return switch (item) {
                case SourceItem.InMemory memory -> Arrays.copyOf(memory.data(), memory.length());
                case SourceItem.OnDisk file -> Files.readAllBytes(file.file());
                case SourceItem.Refused refused -> throw new AssertionError("refused: " + refused);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void rootsComeInTheOrderGivenAndASingleFileIsItsOwnItem() {
        Path second = write(folder.resolve("z/second.bin"), random(1, 100));
        Path first = write(folder.resolve("a/first.bin"), random(2, 100));

        assertThat(names(walk(SourceLimits.DEFAULT, second, first.getParent())))
                .containsExactly(second.toString(), first.toString());
    }

    @Test
    void zipTarAndTarGzMembersAreNamedAfterTheirArchiveInArchiveOrder() {
        byte[] photo = random(3, 5000);
        byte[] note = text("a small note");
        Path zip = write(folder.resolve("s/x.zip"), new TestArchives.Zip()
                .file("photos/z.jpg", photo).file("./a.txt", note).bytes());
        Path tar = write(folder.resolve("s/y.tar"), new TestArchives.Tar()
                .folder("dir").file("dir/z.jpg", photo).file("a.txt", note).bytes());
        Path tarGz = write(folder.resolve("s/z.tgz"), gzip(new TestArchives.Tar()
                .file("./photos/z.jpg", photo).file("a.txt", note).bytes()));

        List<SourceItem> items = walk(SourceLimits.DEFAULT, folder.resolve("s"));

        assertThat(names(items)).containsExactly(
                zip + "!/photos/z.jpg", zip + "!/a.txt",
                tar + "!/dir/z.jpg", tar + "!/a.txt",
                tarGz + "!/photos/z.jpg", tarGz + "!/a.txt");
        assertThat(items).allSatisfy(item -> assertThat(item).isInstanceOf(SourceItem.InMemory.class));
        assertThat(bytes(items.get(0))).isEqualTo(photo);
        assertThat(bytes(items.get(3))).isEqualTo(note);
        assertThat(bytes(items.get(4))).isEqualTo(photo);
    }

    @Test
    void nestedArchivesAreNamedThroughEveryLevel() {
        byte[] photo = random(4, 3000);
        byte[] tarGz = gzip(new TestArchives.Tar().file("c/d.jpg", photo).bytes());
        byte[] inner = new TestArchives.Zip().file("b.tar.gz", tarGz).file("e.txt", text("e")).bytes();
        Path outer = write(folder.resolve("seized/a.zip"), new TestArchives.Zip()
                .file("before.txt", text("before")).file("inner/i.zip", inner).file("after.txt", text("after"))
                .bytes());

        List<SourceItem> items = walk(SourceLimits.DEFAULT, outer.getParent());

        String a = outer.toString();
        assertThat(names(items)).containsExactly(
                a + "!/before.txt",
                a + "!/inner/i.zip!/b.tar.gz!/c/d.jpg",
                a + "!/inner/i.zip!/e.txt",
                a + "!/after.txt");
        assertThat(bytes(items.get(1))).isEqualTo(photo);
    }

    @Test
    void archivesAreRecognisedByTheirContentNotTheirName() {
        Path zipNamedJpg = write(folder.resolve("s/holiday.jpg"), new TestArchives.Zip()
                .file("inside.txt", text("inside")).bytes());
        Path textNamedZip = write(folder.resolve("s/notes.zip"), text("just some notes, no archive"));

        List<SourceItem> items = walk(SourceLimits.DEFAULT, folder.resolve("s"));

        assertThat(names(items)).containsExactly(zipNamedJpg + "!/inside.txt", textNamedZip.toString());
        assertThat(items.get(1)).isEqualTo(new SourceItem.OnDisk(textNamedZip.toString(), textNamedZip, false));
    }

    @Test
    void aGzipOfOneFileHoldsOneMemberNamedAfterIt() {
        byte[] notes = text("notes, gzipped");
        Path named = write(folder.resolve("s/notes.txt.gz"), gzip(notes));
        Path unnamed = write(folder.resolve("s/blob"), gzip(notes));
        Path zipInGzip = write(folder.resolve("s/photos.zip.gz"), gzip(new TestArchives.Zip()
                .file("p.jpg", random(5, 100)).bytes()));

        List<SourceItem> items = walk(SourceLimits.DEFAULT, folder.resolve("s"));

        assertThat(names(items)).containsExactly(
                unnamed + "!/content", named + "!/notes.txt", zipInGzip + "!/photos.zip!/p.jpg");
        assertThat(bytes(items.get(0))).isEqualTo(notes);
    }

    @Test
    void anEmptyZipGivesNoItem() {
        Path empty = write(folder.resolve("s/empty.zip"), new TestArchives.Zip().bytes());
        Path next = write(folder.resolve("s/next.txt"), text("next"));

        assertThat(Files.exists(empty)).isTrue();
        assertThat(names(walk(SourceLimits.DEFAULT, folder.resolve("s")))).containsExactly(next.toString());
    }

    @Test
    void aLargeMemberIsSpooledUnderTheTemporaryFolderAndASmallOneKeptInMemory() throws IOException {
        byte[] large = random(6, 10_000);
        byte[] small = random(7, 100);
        byte[] nested = new TestArchives.Zip().stored("deep.bin", random(8, 2000)).stored("tiny", small).bytes();
        Path zip = write(folder.resolve("s/a.zip"), new TestArchives.Zip()
                .file("large.bin", large).file("small.bin", small).stored("nested.zip", nested).bytes());
        SourceLimits limits = new SourceLimits(1024, 1L << 30, 200, 8, 1000);

        List<SourceItem> items = walk(limits, zip);

        assertThat(names(items)).containsExactly(zip + "!/large.bin", zip + "!/small.bin",
                zip + "!/nested.zip!/deep.bin", zip + "!/nested.zip!/tiny");
        assertThat(items.get(0)).isInstanceOfSatisfying(SourceItem.OnDisk.class, spooled -> {
            assertThat(spooled.temporary()).isTrue();
            assertThat(spooled.file().getParent()).isEqualTo(temporary());
            assertThat(spooled.file().getFileName().toString()).doesNotContain("large");
        });
        assertThat(bytes(items.get(0))).isEqualTo(large);
        assertThat(items.get(1)).isInstanceOf(SourceItem.InMemory.class);
        assertThat(bytes(items.get(1))).isEqualTo(small);
        assertThat(items.get(2)).isInstanceOf(SourceItem.OnDisk.class);
        assertThat(bytes(items.get(3))).isEqualTo(small);
        // The nested zip (over 1024 / 8 bytes) was spooled too, and deleted once expanded: only the
        // members handed over remain, for their consumer to delete.
        try (Stream<Path> left = Files.list(temporary())) {
            assertThat(left.toList()).containsExactlyInAnyOrder(
                    ((SourceItem.OnDisk) items.get(0)).file(), ((SourceItem.OnDisk) items.get(2)).file());
        }
    }

    @Test
    void aMemberOfExactlyTheInMemoryLimitStaysInMemory() {
        byte[] exact = random(9, 1024);
        Path zip = write(folder.resolve("a.zip"), new TestArchives.Zip().file("exact", exact)
                .file("one-more", random(10, 1025)).bytes());

        List<SourceItem> items = walk(new SourceLimits(1024, 1L << 30, 200, 8, 1000), zip);

        assertThat(items.get(0)).isInstanceOf(SourceItem.InMemory.class);
        assertThat(bytes(items.get(0))).isEqualTo(exact);
        assertThat(items.get(1)).isInstanceOf(SourceItem.OnDisk.class);
    }

    @Test
    void twoWalksGiveTheSameItemsInTheSameOrder() {
        Path seized = folder.resolve("seized");
        write(seized.resolve("b/photo.bin"), random(11, 500));
        write(seized.resolve("a.zip"), new TestArchives.Zip().file("z", random(12, 50)).file("y", random(13, 50))
                .file("n.tar", new TestArchives.Tar().file("m/2", random(14, 10)).file("m/1", random(15, 10)).bytes())
                .bytes());
        write(seized.resolve("c.tar.gz"), gzip(new TestArchives.Tar().file("q", random(16, 10)).bytes()));

        List<SourceItem> first = walk(SourceLimits.DEFAULT, seized);
        List<SourceItem> second = walk(SourceLimits.DEFAULT, seized);

        assertThat(first).hasSize(6).isEqualTo(second);
        assertThat(names(first)).containsExactly(seized + "/a.zip!/z", seized + "/a.zip!/y",
                seized + "/a.zip!/n.tar!/m/2", seized + "/a.zip!/n.tar!/m/1", seized + "/b/photo.bin",
                seized + "/c.tar.gz!/q");
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
        Path zip = write(folder.resolve("a.zip"), new TestArchives.Zip().file("x", text("x")).bytes());
        IllegalStateException stop = new IllegalStateException("consumer stopped");

        assertThatThrownBy(() -> new Sources(SourceLimits.DEFAULT, temporary()).walk(List.of(zip), item -> {
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
