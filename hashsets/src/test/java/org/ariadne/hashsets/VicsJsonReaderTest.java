package org.ariadne.hashsets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VICS reader and its own JSON scanner, held to documents whose entries are known (see
 * {@link VicsDocuments}), and to Jackson on what is valid JSON at all.
 */
class VicsJsonReaderTest {

    @TempDir
    Path folder;

    private final List<HashSetEntry> entries = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    @Test
    void readsWhatWasWrittenWhateverTheFormatting() throws IOException {
        for (int seed = 1; seed <= 60; seed++) {
            boolean version2 = seed % 3 != 0;
            VicsDocuments doc = new VicsDocuments(seed, version2, 1 + seed % 40, 6, 9, 0, seed % 2 == 0);
            entries.clear();
            problems.clear();

            HashSetFormat format = read(doc.json);

            assertThat(format).isEqualTo(version2 ? HashSetFormat.VICS_2_0 : HashSetFormat.VICS_1_3);
            assertThat(entries).as("seed %d", seed).containsExactlyElementsOf(doc.entries);
            assertThat(problems).as("seed %d", seed).containsExactlyElementsOf(doc.problems);
        }
    }

    @Test
    void readsTheSameWhenTheFileArrivesAFewBytesAtATime() throws IOException {
        VicsDocuments doc = new VicsDocuments(7, true, 30, 8, 5, 0, true);
        Random random = new Random(7);
        byte[] bytes = doc.json.getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(9)));
            }
        };

        VicsJsonReader.read(null, bytes.length, trickle, sink(), Long.MAX_VALUE);

        assertThat(entries).containsExactlyElementsOf(doc.entries);
        assertThat(problems).containsExactlyElementsOf(doc.problems);
    }

    @Test
    void aStringLongerThanTheBufferIsReadWhole() throws IOException {
        String md5 = "d41d8cd98f00b204e9800998ecf8427e";
        String comment = "x".repeat(3 << 20); // three times the scanner's buffer
        read("{\"odata.metadata\": \"x\", \"value\": [{\"Comments\": \"" + comment + "\", \"MD5\": \"" + md5
                + "\", \"Series\": \"s\"}]}");

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.md5().hex()).isEqualTo(md5);
            assertThat(e.series()).isEqualTo("s");
        });
    }

    @Test
    void findsTheSyntaxErrorsJacksonFinds() throws IOException {
        Random random = new Random(11);
        String symbols = "{}[]:,\"\\ 0123456789eE+-.tfnulxa\t\n\u0001";
        int compared = 0;
        for (int round = 0; round < 400; round++) {
            String valid = ascii(new VicsDocuments(round, round % 2 == 0, 3, 3, 0, 0, round % 3 == 0).json);
            StringBuilder broken = new StringBuilder(valid);
            int at = random.nextInt(valid.length());
            switch (random.nextInt(3)) {
                case 0 -> broken.deleteCharAt(at);
                case 1 -> broken.insert(at, symbols.charAt(random.nextInt(symbols.length())));
                default -> broken.setLength(at);
            }
            Boolean ours = ourVerdict(broken.toString());
            if (ours == null) {
                continue; // refused as no VICS set before the scanner got to the damage
            }
            compared++;
            assertThat(ours).as("%s", broken).isEqualTo(jacksonFindsAnError(broken.toString()));
        }
        assertThat(compared).isGreaterThan(300);
    }

    /** True if our reader reports invalid JSON; false if not; null if it refused the file for another reason first. */
    private Boolean ourVerdict(String json) throws IOException {
        entries.clear();
        problems.clear();
        try {
            read(json);
        } catch (NotAHashSetException e) {
            if (e.getMessage().contains("not valid JSON")) {
                return true;
            }
            return e.getMessage().contains("without") ? false : null;
        }
        return problems.stream().anyMatch(p -> p.contains("not valid JSON"));
    }

    /** Jackson's verdict on the first top-level value (our reader reads nothing after it either). */
    private static boolean jacksonFindsAnError(String json) throws IOException {
        try (JsonParser parser = new JsonFactory().createParser(json.getBytes(StandardCharsets.UTF_8))) {
            int depth = 0;
            do {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    return true; // ended before the value did
                }
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                }
            } while (depth > 0);
            return false;
        } catch (JsonProcessingException e) {
            return true;
        }
    }

    /** The document with every character beyond ASCII escaped (they only stand in strings). */
    private static String ascii(String json) {
        StringBuilder s = new StringBuilder();
        json.chars().forEach(c -> s.append(c < 0x80 ? Character.toString(c) : String.format("\\u%04x", c)));
        return s.toString();
    }

    private HashSetFormat read(String json) throws IOException {
        Path file = folder.resolve("set.json");
        Files.writeString(file, json);
        ReadResult read = ReadResult.of(file, null);
        entries.addAll(read.entries());
        problems.addAll(read.problems());
        return read.format();
    }

    private RecordSink sink() {
        return new RecordSink() {
            @Override
            public void entry(EntryBuilder record) {
                entries.add(record.build());
            }

            @Override
            public void problem(String location, String message) {
                problems.add(location + ": " + message);
            }
        };
    }
}
