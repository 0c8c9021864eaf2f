package org.ariadne.triage.source;

import static org.ariadne.triage.source.TestArchives.text;
import static org.ariadne.triage.source.TestArchives.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Source folders: their order, their links, their unreadable corners. */
class FolderWalkTest extends SourcesTestCase {

    @Test
    void aFolderIsWalkedInTheOrderOfItsSortedPaths() throws IOException {
        Path seized = folder.resolve("seized");
        // a-c sorts before a/ (the '-' before the '/'), a0 after it: a naive depth-first walk gets this wrong.
        for (String file : List.of("a/b.txt", "a-c.txt", "a0.txt", "B.txt", "b/z/y.bin", "b/x.bin", "a/a/z.txt")) {
            write(seized.resolve(file), text(file));
        }

        List<SourceItem> items = walk(SourceLimits.DEFAULT, seized);

        List<String> expected;
        try (Stream<Path> paths = Files.walk(seized)) {
            expected = paths.filter(Files::isRegularFile).sorted().map(Path::toString).toList();
        }
        assertThat(names(items)).containsExactlyElementsOf(expected).hasSize(7);
        assertThat(names(items).subList(0, 4)).containsExactly(
                seized + "/B.txt", seized + "/a-c.txt", seized + "/a/a/z.txt", seized + "/a/b.txt");
        assertThat(items).allSatisfy(item -> assertThat(item).isInstanceOfSatisfying(SourceItem.OnDisk.class,
                onDisk -> assertThat(onDisk.temporary()).isFalse()));
    }

    @Test
    void folderLinksLeadingOutAreRefusedAndThoseStayingInSkipped() throws IOException {
        Path outside = write(folder.resolve("outside/secret.txt"), text("not part of the source"));
        Path seized = folder.resolve("seized");
        Path real = write(seized.resolve("sub/real.txt"), text("real"));
        Files.createSymbolicLink(seized.resolve("link-in"), seized.resolve("sub"));
        Files.createSymbolicLink(seized.resolve("link-file-in"), Path.of("sub/real.txt"));
        Files.createSymbolicLink(seized.resolve("link-out"), outside);
        Files.createSymbolicLink(seized.resolve("sub/relative-out"), Path.of("../../outside"));
        Files.createSymbolicLink(seized.resolve("sub/broken-out"), Path.of("../../nowhere"));
        Files.createSymbolicLink(seized.resolve("sub/broken-in"), Path.of("nowhere"));

        List<SourceItem> items = walk(SourceLimits.DEFAULT, seized);

        Path realOutside = outside.getParent().toRealPath();
        assertThat(items).containsExactly(
                new SourceItem.Refused(seized.resolve("link-out").toString(), -1,
                        "symbolic link leads outside the source: " + realOutside.resolve("secret.txt")),
                new SourceItem.Refused(seized.resolve("sub/broken-out").toString(), -1,
                        "symbolic link leads outside the source: " + realOutside.getParent().resolve("nowhere")),
                new SourceItem.OnDisk(real.toString(), real, false),
                new SourceItem.Refused(seized.resolve("sub/relative-out").toString(), -1,
                        "symbolic link leads outside the source: " + realOutside));
    }

    @Test
    void unreadableFoldersAndFilesAreRefusedAndTheWalkGoesOn() throws IOException {
        assumeThat(System.getProperty("user.name")).as("permissions do not bind root").isNotEqualTo("root");
        Path seized = folder.resolve("seized");
        Path closedFolder = Files.createDirectories(seized.resolve("a-closed"));
        write(closedFolder.resolve("inside.txt"), text("inside"));
        Path closedFile = write(seized.resolve("b-closed.txt"), text("closed"));
        Path open = write(seized.resolve("c-open.txt"), text("open"));
        Files.setPosixFilePermissions(closedFolder, PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(closedFile, PosixFilePermissions.fromString("---------"));
        try {
            List<SourceItem> items = walk(SourceLimits.DEFAULT, seized);

            assertThat(items).containsExactly(
                    new SourceItem.Refused(closedFolder.toString(), -1, "unreadable folder: permission denied"),
                    new SourceItem.Refused(closedFile.toString(), 6, "unreadable file: permission denied"),
                    new SourceItem.OnDisk(open.toString(), open, false));
        } finally {
            Files.setPosixFilePermissions(closedFolder, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
