package org.ariadne.triage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code triage.json}: what a run was asked to do (sources, hash sets, radius). A resumed run must be
 * the same run: resuming with other sources or other hash sets would mix two reports in one journal.
 */
final class RunManifest {

    static final String FILE = "triage.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunManifest() {
    }

    static ObjectNode of(List<Path> sources, List<Path> hashSets, int radius) throws IOException {
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("format", "ariadne-triage-1");
        ArrayNode s = manifest.putArray("sources");
        for (Path source : sources) {
            s.add(source.toAbsolutePath().normalize().toString());
        }
        ArrayNode h = manifest.putArray("hashsets");
        for (Path set : hashSets) {
            h.addObject().put("path", set.toAbsolutePath().normalize().toString()).put("size", Files.size(set));
        }
        manifest.put("radius", radius);
        return manifest;
    }

    static void write(Path folder, ObjectNode manifest) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(folder.resolve(FILE).toFile(), manifest);
    }

    /** Refuses to resume a run that was asked something else. */
    static void checkSame(Path folder, ObjectNode manifest) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.exists(file)) {
            return;
        }
        // Compared as read back, so that numbers compare by value whatever width they were written from.
        if (!JSON.readTree(file.toFile()).equals(JSON.readTree(JSON.writeValueAsString(manifest)))) {
            throw new TriageException("the report in " + folder + " was made with other sources, hash sets or radius"
                    + " (see " + FILE + "); resume it with the same ones, or choose another --out");
        }
    }
}
