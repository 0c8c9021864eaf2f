package org.ariadne.hashing.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared reference data ({@code ../shared/reference/} beside the checkout; see its README).
 * Golden values in tests come from here, never from the project's own output.
 */
public final class ReferenceData {

    private ReferenceData() {
    }

    /** The reference folder; the build passes it as the system property {@code ariadne.reference}. */
    public static Path root() {
        String configured = System.getProperty("ariadne.reference");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "reference");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("reference data not found at " + root.toAbsolutePath()
                    + ": check out ../shared beside the repository");
        }
        return root.normalize();
    }

    public static Path pdq() {
        return root().resolve("pdq");
    }

    /** The rows of a tab-separated table, header skipped. */
    public static List<String[]> tsv(Path table) {
        try {
            List<String[]> rows = new ArrayList<>();
            List<String> lines = Files.readAllLines(table);
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isBlank()) {
                    rows.add(line.split("\t"));
                }
            }
            assumeTrue(!rows.isEmpty(), "empty reference table " + table);
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
