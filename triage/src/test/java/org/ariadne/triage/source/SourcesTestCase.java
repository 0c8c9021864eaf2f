package org.ariadne.triage.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** What the tests of walks share: a folder of their own, every item of a walk in a list. */
abstract class SourcesTestCase {

    @TempDir
    Path folder;

    /** The walks' temporary folder, inside the test's folder. */
    Path temporary() {
        try {
            return Files.createDirectories(folder.resolve("temporary"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<SourceItem> walk(SourceLimits limits, Path... roots) {
        List<SourceItem> items = new ArrayList<>();
        new Sources(limits, temporary()).walk(List.of(roots), items::add);
        return items;
    }

    static List<String> names(List<SourceItem> items) {
        return items.stream().map(SourceItem::name).toList();
    }
}
