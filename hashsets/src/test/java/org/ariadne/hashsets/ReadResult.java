package org.ariadne.hashsets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What {@link HashSetReader} alone finds in a file: the reference tests compare other views with. */
record ReadResult(HashSetFormat format, List<HashSetEntry> entries, List<String> problems) {

    /** Reads {@code file}; problems as {@code location: message}. */
    static ReadResult of(Path file, HashType plainType) throws IOException {
        List<HashSetEntry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        HashSetFormat format = HashSetReader.read(file, plainType, new HashSetReader.Listener() {
            @Override
            public void entry(HashSetEntry entry) {
                entries.add(entry);
            }

            @Override
            public void problem(String location, String message) {
                problems.add(location + ": " + message);
            }
        });
        return new ReadResult(format, entries, problems);
    }
}
