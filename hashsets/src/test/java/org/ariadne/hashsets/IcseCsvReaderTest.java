package org.ariadne.hashsets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ICSE reader splits fields in the bytes it reads; held here to the plain way (a line a string,
 * split, each field given to the entry as text), on exports with every liberty the format allows.
 */
class IcseCsvReaderTest {

    private static final String HEADER = "MD5;SHA1;ZZ40;PhotoDNA;Lace;Image ID;Is distributed;Victim identified;"
            + "Offender identified;Series name;Investigation name;Agency;Number of submissions;File Available;"
            + "Media Type;Baseline";
    private static final String[] VALUES = {"", " ", "Y", "n", "Yes", "FALSE", "1", "maybe", "\"Y\"", " N\t",
        "series-0001", "\"Series; with a semicolon\"", "\"say \"\"hi\"\"\"", "\u2003padded\u2003", "Agency 7",
        "Série B", "\u0001odd", "007", "12345", "M-1"};
    private static final String[] LINE_ENDS = {"\n", "\r\n", "\r"};

    @TempDir
    Path folder;

    @Test
    void readsWhatThePlainWayReads() throws IOException {
        for (int seed = 1; seed <= 30; seed++) {
            String csv = export(seed, 200);
            Path file = folder.resolve("export-" + seed + ".csv");
            Files.writeString(file, csv);

            ReadResult read = ReadResult.of(file, null);

            ReadResult expected = plainWay(csv);
            assertThat(read.format()).isEqualTo(HashSetFormat.ICSE_CSV);
            assertThat(read.entries()).as("seed %d", seed).containsExactlyElementsOf(expected.entries());
            assertThat(read.problems()).as("seed %d", seed).containsExactlyElementsOf(expected.problems());
        }
    }

    /** A synthetic export: random hashes in either case, any value in any column, every kind of line end. */
    static String export(long seed, int rows) {
        Random random = new Random(seed);
        HexFormat hex = HexFormat.of();
        StringBuilder csv = new StringBuilder(seed % 2 == 0 ? "\uFEFF" : "").append(HEADER)
                .append(seed % 3 == 0 ? ";Extra" : "").append('\n');
        for (int r = 0; r < rows; r++) {
            if (random.nextInt(30) == 0) {
                csv.append(random.nextBoolean() ? "" : "  \t").append(LINE_ENDS[random.nextInt(LINE_ENDS.length)]);
                continue;
            }
            byte[] md5 = new byte[16];
            byte[] sha1 = new byte[20];
            random.nextBytes(md5);
            random.nextBytes(sha1);
            String[] fields = new String[16 + random.nextInt(3) - 1];
            for (int f = 0; f < fields.length; f++) {
                fields[f] = VALUES[random.nextInt(VALUES.length)];
            }
            fields[0] = switch (random.nextInt(8)) {
                case 0 -> "";
                case 1 -> " " + hex.formatHex(md5).toUpperCase(Locale.ROOT) + " ";
                case 2 -> "\"" + hex.formatHex(md5) + "\"";
                case 3 -> hex.formatHex(md5).substring(1);
                default -> hex.formatHex(md5);
            };
            fields[1] = random.nextInt(6) == 0 ? "" : hex.formatHex(sha1);
            csv.append(String.join(";", fields)).append(LINE_ENDS[random.nextInt(LINE_ENDS.length)]);
        }
        return csv.toString();
    }

    /** The export read the plain way: a line a string, split, each field given to the entry as text. */
    private static ReadResult plainWay(String csv) throws IOException {
        BufferedReader reader = new BufferedReader(new StringReader(csv));
        List<String> names = IcseCsvReader.split(reader.readLine().replace("\uFEFF", ""));
        Map<String, Integer> columns = new HashMap<>();
        for (int c = 0; c < names.size(); c++) {
            columns.putIfAbsent(names.get(c).toLowerCase(Locale.ROOT), c);
        }
        List<HashSetEntry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int number = 1;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = IcseCsvReader.split(line);
            EntryBuilder entry = new EntryBuilder();
            entry.atLine(number);
            entry.hash(HashType.MD5, field(fields, columns, "md5"));
            entry.hash(HashType.SHA1, field(fields, columns, "sha1"));
            entry.mediaId(field(fields, columns, "image id"));
            entry.distributed(field(fields, columns, "is distributed"));
            entry.victimIdentified(field(fields, columns, "victim identified"));
            entry.offenderIdentified(field(fields, columns, "offender identified"));
            entry.series(field(fields, columns, "series name"));
            entry.agency(field(fields, columns, "agency"));
            if (entry.problem() == null) {
                entries.add(entry.build());
            } else {
                problems.add(entry.location() + ": " + entry.problem());
            }
        }
        return new ReadResult(HashSetFormat.ICSE_CSV, entries, problems);
    }

    private static String field(List<String> fields, Map<String, Integer> columns, String name) {
        Integer c = columns.get(name);
        return c == null || c >= fields.size() ? null : fields.get(c);
    }
}
