package org.ariadne.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ariadne.hashing.pdq.PdqHash;

/**
 * A text file of PDQ hashes, one a line (64 hex digits), each optionally followed by a comma and an id.
 * Blank lines are skipped; a malformed line is reported with its file and line number, and skipped.
 */
record HashListFile(List<PdqHash> hashes, List<String> ids, List<Integer> lines) {

    /**
     * Reads the file. {@code ids} holds null for a line without an id; {@code lines} the line numbers.
     *
     * @throws ExitCodes.UsageException if the file cannot be read at all
     */
    static HashListFile read(Path file, PrintWriter err) {
        List<PdqHash> hashes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1); // a byte-order mark, as some Windows tools write
                }
                if (line.isBlank()) {
                    continue;
                }
                int comma = line.indexOf(',');
                String hex = (comma < 0 ? line : line.substring(0, comma)).strip();
                String id = comma < 0 ? null : line.substring(comma + 1).strip();
                try {
                    PdqHash hash = PdqHash.parse(hex);
                    hashes.add(hash);
                    ids.add(id == null || id.isEmpty() ? null : id);
                    lines.add(number);
                } catch (IllegalArgumentException e) {
                    err.println("ariadne: " + file + ":" + number + ": skipped: " + e.getMessage());
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ExitCodes.UsageException("no such file: " + file);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ExitCodes.UsageException(file + ": not a text file of hashes (not UTF-8)");
        } catch (IOException e) {
            throw new ExitCodes.UsageException("cannot read " + file + ": " + e.getMessage());
        }
        return new HashListFile(hashes, ids, lines);
    }
}
