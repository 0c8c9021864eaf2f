package org.ariadne.triage.source;

import static org.ariadne.triage.source.TestArchives.gzip;
import static org.ariadne.triage.source.TestArchives.random;
import static org.ariadne.triage.source.TestArchives.text;
import static org.ariadne.triage.source.TestArchives.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Crafted and damaged archives: refused with a reason, the walk going on. */
class ArchiveSafetyTest extends SourcesTestCase {

    private static SourceItem.Refused refused(List<SourceItem> items, String name) {
        return items.stream().filter(item -> item.name().equals(name)).findFirst()
                .map(item -> (SourceItem.Refused) item)
                .orElseThrow(() -> new AssertionError(name + " not among " + names(items)));
    }

    /** Every file under the test's folder with its bytes, to show that a walk wrote nothing. */
    private Map<String, String> tree() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(path).toString(), HexFormat.of().formatHex(Files.readAllBytes(path)));
            }
        }
        return files;
    }

    @Test
    void zipSlipNamesAreRefusedAndNothingIsWrittenAnywhere() throws IOException {
        Path zip = write(folder.resolve("seized/deep/slip.zip"), new TestArchives.Zip()
                .file("../../evil.txt", text("evil"))
                .file("/etc/absolute.txt", text("absolute"))
                .file("ok/../../../climb.txt", text("climb"))
                .file("dir/..\\..\\..\\windows.txt", text("windows"))
                .file("C:/drive.txt", text("drive"))
                .file("nul\0.txt", text("nul"))
                .file("fine/./ok.txt", text("ok"))
                .bytes());
        Map<String, String> before = tree();

        List<SourceItem> items = walk(SourceLimits.DEFAULT, zip);

        String z = zip + "!/";
        assertThat(names(items)).containsExactly(z + "../../evil.txt", z + "/etc/absolute.txt",
                z + "ok/../../../climb.txt", z + "dir/..\\..\\..\\windows.txt", z + "C:/drive.txt", z + "nul\0.txt",
                z + "fine/ok.txt");
        assertThat(refused(items, z + "../../evil.txt").reason()).startsWith("zip slip refused");
        assertThat(refused(items, z + "/etc/absolute.txt").reason())
                .isEqualTo("zip slip refused: absolute member name");
        assertThat(refused(items, z + "dir/..\\..\\..\\windows.txt").reason()).startsWith("zip slip refused");
        assertThat(refused(items, z + "C:/drive.txt").reason()).startsWith("zip slip refused");
        assertThat(refused(items, z + "nul\0.txt").reason()).contains("NUL");
        assertThat(items.getLast()).isInstanceOf(SourceItem.InMemory.class);
        assertThat(tree()).isEqualTo(before);
        assertThat(Files.exists(folder.resolve("evil.txt"))).isFalse();
    }

    @Test
    void tarLinksLeadingOutAreRefusedAndThoseStayingInSkipped() {
        Path tar = write(folder.resolve("links.tar"), new TestArchives.Tar()
                .file("dir/file.txt", text("file"))
                .symlink("dir/up-and-out", "../../outside")
                .symlink("dir/absolute", "/etc/passwd")
                .symlink("dir/sibling", "../dir/file.txt")
                .symlink("dir/here", "file.txt")
                .hardLink("hard-out", "../x")
                .hardLink("hard-in", "dir/file.txt")
                .file("last.txt", text("last"))
                .bytes());

        List<SourceItem> items = walk(SourceLimits.DEFAULT, tar);

        String t = tar + "!/";
        assertThat(names(items)).containsExactly(t + "dir/file.txt", t + "dir/up-and-out", t + "dir/absolute",
                t + "hard-out", t + "last.txt");
        assertThat(refused(items, t + "dir/up-and-out").reason())
                .isEqualTo("symbolic link leads outside the archive: ../../outside");
        assertThat(refused(items, t + "dir/absolute").reason())
                .isEqualTo("symbolic link leads outside the archive: /etc/passwd");
        assertThat(refused(items, t + "hard-out").reason()).isEqualTo("hard link leads outside the archive: ../x");
    }

    @Test
    void zipSymbolicLinksAreJudgedLikeTarOnes() {
        Path zip = write(folder.resolve("links.zip"), new TestArchives.Zip()
                .symlink("a/out", "../../../etc")
                .symlink("a/in", "../b.txt")
                .file("b.txt", text("b"))
                .bytes());

        List<SourceItem> items = walk(SourceLimits.DEFAULT, zip);

        assertThat(names(items)).containsExactly(zip + "!/a/out", zip + "!/b.txt");
        assertThat(refused(items, zip + "!/a/out").reason())
                .isEqualTo("symbolic link leads outside the archive: ../../../etc");
    }

    @Test
    @Timeout(30)
    void aZipBombIsRefusedForItsRatioWithinAFewMegabytes() throws IOException {
        Path bomb = folder.resolve("seized/bomb.zip");
        Files.createDirectories(bomb.getParent());
        TestArchives.zipBomb(bomb, "zeros.bin", 2L << 30);
        Path after = write(folder.resolve("seized/z-after.txt"), text("after"));
        assertThat(Files.size(bomb)).isLessThan(3L << 20);

        long[] bytesHandedOver = {0};
        List<SourceItem> items = new ArrayList<>();
        long start = System.nanoTime();
        new Sources(SourceLimits.DEFAULT, temporary()).walk(List.of(bomb.getParent()), item -> {
            items.add(item);
            if (item instanceof SourceItem.InMemory memory) {
                bytesHandedOver[0] += memory.length();
            }
        });
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(items).containsExactly(
                new SourceItem.Refused(bomb + "!/zeros.bin", 2L << 30,
                        "archive bomb refused: expands more than 200 times"),
                new SourceItem.Refused(bomb.toString(), Files.size(bomb),
                        "archive bomb refused: expands more than 200 times; the rest of the archive is not read"),
                new SourceItem.OnDisk(after.toString(), after, false));
        assertThat(bytesHandedOver[0]).isZero();
        assertThat(millis).as("milliseconds to refuse").isLessThan(5_000);
        try (Stream<Path> spooled = Files.list(temporary())) {
            assertThat(spooled).isEmpty();
        }
    }

    @Test
    void theBombFixtureIsARealZipOfZeros() throws IOException {
        Path bomb = folder.resolve("small-bomb.zip");
        TestArchives.zipBomb(bomb, "zeros.bin", 8L * TestArchives.BOMB_CHUNK);

        long zeros = 0;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(bomb))) {
            assertThat(zip.getNextEntry().getName()).isEqualTo("zeros.bin");
            byte[] buffer = new byte[1 << 16];
            for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    assertThat(buffer[i]).isZero();
                }
                zeros += n;
            }
            assertThat(zip.getNextEntry()).isNull();
        }
        assertThat(zeros).isEqualTo(8L * TestArchives.BOMB_CHUNK);
        assertThat(Files.size(bomb) * 900).isLessThan(zeros);
    }

    /** Stored layers over a bomb: met at the bottom, not in a layer above, as a deflated layer would be. */
    @Test
    @Timeout(30)
    void aNestedBombStopsEveryArchiveItIsIn() throws IOException {
        Path level0 = folder.resolve("level0.zip");
        TestArchives.zipBomb(level0, "zeros.bin", 64L * TestArchives.BOMB_CHUNK);
        byte[] inner = Files.readAllBytes(level0);
        TestArchives.Zip many = new TestArchives.Zip();
        for (int i = 0; i < 16; i++) {
            many.stored("copy-" + i + ".zip", inner);
        }
        Path outer = write(folder.resolve("seized/42.zip"), new TestArchives.Zip()
                .file("first.txt", text("first")).stored("many.zip", many.bytes()).file("never.txt", text("never"))
                .bytes());

        List<SourceItem> items = walk(SourceLimits.DEFAULT, outer);

        String bombReason = "archive bomb refused: expands more than 200 times";
        String rest = "; the rest of the archive is not read";
        assertThat(names(items)).containsExactly(outer + "!/first.txt",
                outer + "!/many.zip!/copy-0.zip!/zeros.bin", outer + "!/many.zip!/copy-0.zip",
                outer + "!/many.zip", outer.toString());
        assertThat(items.subList(1, 5)).extracting(item -> ((SourceItem.Refused) item).reason())
                .containsExactly(bombReason, bombReason + rest, bombReason + rest, bombReason + rest);
    }

    @Test
    void aGzipOfZerosIsRefusedAsABomb() {
        Path bomb = write(folder.resolve("zeros.bin.gz"), gzip(new byte[64 << 20]));

        List<SourceItem> items = walk(SourceLimits.DEFAULT, bomb);

        assertThat(names(items)).containsExactly(bomb + "!/zeros.bin", bomb.toString());
        assertThat(((SourceItem.Refused) items.getFirst()).reason())
                .isEqualTo("archive bomb refused: expands more than 200 times");
    }

    @Test
    void dataATarReaderSkipsInATarGzIsJudgedToo() {
        Path tarGz = write(folder.resolve("hidden.tar.gz"), gzip(new TestArchives.Tar()
                .file("before.txt", text("before"))
                .symlinkWithData("link", "before.txt", new byte[64 << 20])
                .file("after.txt", text("after"))
                .bytes()));

        List<SourceItem> items = walk(SourceLimits.DEFAULT, tarGz);

        assertThat(names(items)).containsExactly(tarGz + "!/before.txt", tarGz.toString());
        assertThat(((SourceItem.Refused) items.getLast()).reason())
                .startsWith("archive bomb refused: expands more than 200 times");
    }

    @Test
    void theBytesOfAMemberNotHandedOverCountTowardTheBudget() {
        Path tar = write(folder.resolve("slip.tar"), new TestArchives.Tar()
                .file("../slip.bin", random(50, 2 << 20))
                .file("next.bin", random(51, 2 << 20))
                .bytes());

        List<SourceItem> items = walk(new SourceLimits(8L << 20, 3L << 20, 200, 8, 1000), tar);

        assertThat(items).extracting(ArchiveSafetyTest::outcome).containsExactly(
                tar + "!/../slip.bin: zip slip refused: member name climbs out of the archive with '..'",
                tar + "!/next.bin: archive bomb refused: expands to more than 3,145,728 bytes",
                tar + ": archive bomb refused: expands to more than 3,145,728 bytes;"
                        + " the rest of the archive is not read");
    }

    @Test
    void aTopLevelArchiveMayNotExpandBeyondItsBudget() {
        TestArchives.Zip zip = new TestArchives.Zip();
        for (int i = 0; i < 10; i++) {
            zip.stored("m" + i, random(i, 1 << 20));
        }
        Path archive = write(folder.resolve("big.zip"), zip.bytes());

        List<SourceItem> items = walk(new SourceLimits(8L << 20, 5L << 20, 200, 8, 1000), archive);

        assertThat(names(items)).containsExactly(archive + "!/m0", archive + "!/m1", archive + "!/m2",
                archive + "!/m3", archive + "!/m4", archive + "!/m5", archive.toString());
        assertThat(items.subList(0, 5)).allSatisfy(item -> assertThat(item).isInstanceOf(SourceItem.InMemory.class));
        assertThat(((SourceItem.Refused) items.get(5)).reason())
                .isEqualTo("archive bomb refused: expands to more than 5,242,880 bytes");
    }

    @Test
    void archivesNestedTooDeeplyAreRefusedAndTheirSiblingsKept() {
        byte[] level3 = new TestArchives.Zip().file("three.txt", text("3")).bytes();
        byte[] level2 = new TestArchives.Zip().file("l3.zip", level3).file("two.txt", text("2")).bytes();
        Path level1 = write(folder.resolve("l1.zip"), new TestArchives.Zip()
                .file("l2.zip", level2).file("one.txt", text("1")).bytes());

        List<SourceItem> items = walk(new SourceLimits(1 << 20, 1 << 30, 200, 2, 1000), level1);

        String l2 = level1 + "!/l2.zip";
        assertThat(items).containsExactly(
                new SourceItem.Refused(l2 + "!/l3.zip", level3.length, "archive nested too deep: more than 2 levels"),
                new SourceItem.InMemory(l2 + "!/two.txt", text("2"), 1),
                new SourceItem.InMemory(level1 + "!/one.txt", text("1"), 1));
    }

    @Test
    void archivesWithTooManyEntriesAreRefused() {
        TestArchives.Tar tar = new TestArchives.Tar();
        for (int i = 0; i < 20; i++) {
            tar.file("f" + i, text("entry " + i));
        }
        Path archive = write(folder.resolve("many.tar"), tar.bytes());

        List<SourceItem> items = walk(new SourceLimits(1 << 20, 1 << 30, 200, 8, 10), archive);

        assertThat(items).hasSize(11);
        assertThat(items.getLast()).isEqualTo(new SourceItem.Refused(archive.toString(), archive.toFile().length(),
                "too many entries: more than 10; the rest of the archive is not read"));
    }

    @Test
    void aTruncatedZipKeepsTheMembersBeforeTheDamage() {
        byte[] first = random(20, 40_000);
        byte[] second = random(21, 40_000);
        byte[] whole = new TestArchives.Zip().file("first", first).file("second", second)
                .file("third", random(22, 40_000)).bytes();
        Path truncated = write(folder.resolve("cut.zip"), Arrays.copyOf(whole, 100_000));
        Path next = write(folder.resolve("next.txt"), text("next"));

        List<SourceItem> items = walk(SourceLimits.DEFAULT, truncated, next);

        assertThat(names(items)).containsExactly(truncated + "!/first", truncated + "!/second",
                truncated + "!/third", truncated.toString(), next.toString());
        assertThat(items.get(0)).isEqualTo(new SourceItem.InMemory(truncated + "!/first", first, first.length));
        assertThat(items.get(1)).isEqualTo(new SourceItem.InMemory(truncated + "!/second", second, second.length));
        assertThat(((SourceItem.Refused) items.get(2)).reason()).startsWith("corrupt member: ");
        assertThat(((SourceItem.Refused) items.get(3)).reason()).startsWith("corrupt archive: ");
    }

    @Test
    void aTruncatedTarGzKeepsTheMembersBeforeTheDamage() {
        byte[] first = random(30, 40_000);
        byte[] whole = gzip(new TestArchives.Tar().file("first", first).file("second", random(31, 40_000)).bytes());
        Path truncated = write(folder.resolve("cut.tar.gz"), Arrays.copyOf(whole, 60_000));

        List<SourceItem> items = walk(SourceLimits.DEFAULT, truncated);

        assertThat(items.getFirst()).isEqualTo(new SourceItem.InMemory(truncated + "!/first", first, first.length));
        assertThat(items.getLast().name()).isEqualTo(truncated.toString());
        assertThat(((SourceItem.Refused) items.getLast()).reason()).startsWith("corrupt archive: ");
        assertThat(names(items)).doesNotHaveDuplicates().hasSizeBetween(2, 3);
    }

    @Test
    void filesThatOnlyStartLikeArchivesAreRefusedAsCorruptAndTheWalkGoesOn() {
        byte[] fakeTar = random(40, 1024);
        System.arraycopy(text("ustar"), 0, fakeTar, 257, 5);
        List<Path> fakes = List.of(
                write(folder.resolve("s/a-fake.gz"), concat(new byte[] {0x1f, (byte) 0x8b, 8}, random(41, 500))),
                write(folder.resolve("s/b-fake.zip"), concat(text("PK\3\4"), random(42, 500))),
                write(folder.resolve("s/c-fake.tar"), fakeTar),
                write(folder.resolve("s/d-fake-empty.zip"), concat(text("PK\5\6"), random(43, 30))));
        Path real = write(folder.resolve("s/e-real.txt"), text("real"));

        List<SourceItem> items = walk(SourceLimits.DEFAULT, folder.resolve("s"));

        assertThat(items.getLast()).isEqualTo(new SourceItem.OnDisk(real.toString(), real, false));
        for (Path fake : fakes) {
            assertThat(refused(items, fake.toString()).reason()).startsWith("corrupt archive: ");
        }
    }

    /** An item as a line: its name, and why it was refused. */
    private static String outcome(SourceItem item) {
        return item.name() + ": " + (item instanceof SourceItem.Refused refused ? refused.reason() : "handed over");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
