import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * Writes a synthetic hash set twice: as Project VIC JSON 2.0 and as an ICSE CSV export, the same items
 * in the same order. Every hash is random bytes from a seeded generator, every label synthetic
 * ("series-0042", "Agency 03"): nothing here describes real material. Run through bench/hashset-gen.
 *
 * <p>Usage: {@code java HashSetGen.java OUT_DIR [ENTRIES [SEED]]}; writes {@code OUT_DIR/synthetic-N.vics.json}
 * and {@code OUT_DIR/synthetic-N.icse.csv}.
 */
public class HashSetGen {

    /** One item in this many repeats a recent item's hashes, as sets that overlap do. */
    static final int DUPLICATE_EVERY = 1000;
    /** Repeats are drawn from this many most recent items. */
    static final int RECENT = 4096;
    /** Cases hold 1 to this many media (VICS 2.0 groups media by case). */
    static final int MAX_MEDIA_PER_CASE = 200;
    /** A flag or a series is left out this often (one in N), as sets leave fields empty. */
    static final int UNKNOWN_FLAG_EVERY = 10;
    static final int SERIES_COUNT = 10_000;
    static final int AGENCY_COUNT = 12;
    static final int CATEGORY_COUNT = 4;

    static final HexFormat HEX = HexFormat.of();
    static final String ICSE_HEADER = "MD5;SHA1;ZZ40;PhotoDNA;Lace;Image ID;Is distributed;Victim identified;"
            + "Offender identified;Series name;Investigation name;Agency;Number of submissions;File Available;"
            + "Media Type;Baseline\n";

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: java HashSetGen.java OUT_DIR [ENTRIES [SEED]]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        long entries = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261123L;
        Files.createDirectories(dir);
        String name = "synthetic-" + entries;
        Path json = dir.resolve(name + ".vics.json");
        Path csv = dir.resolve(name + ".icse.csv");
        try (OutputStream j = new BufferedOutputStream(Files.newOutputStream(dir.resolve(name + ".vics.json.part")), 1 << 20);
             OutputStream c = new BufferedOutputStream(Files.newOutputStream(dir.resolve(name + ".icse.csv.part")), 1 << 20)) {
            write(j, c, entries, seed);
        }
        Files.move(dir.resolve(name + ".vics.json.part"), json, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.move(dir.resolve(name + ".icse.csv.part"), csv, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println(json + " " + Files.size(json) + " bytes");
        System.out.println(csv + " " + Files.size(csv) + " bytes");
    }

    static void write(OutputStream json, OutputStream csv, long entries, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] recent = new byte[RECENT][16 + 20 + 32];
        StringBuilder j = new StringBuilder(1 << 16);
        StringBuilder c = new StringBuilder(1 << 16);
        j.append("{\"@odata.context\":\"http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Cases\",\n")
                .append("\"value\":[\n");
        c.append(ICSE_HEADER);
        long written = 0;
        int caseId = 0;
        while (written < entries) {
            caseId++;
            int media = (int) Math.min(entries - written, 1 + random.nextInt(MAX_MEDIA_PER_CASE));
            String caseNumber = String.format("SYN-%06d", caseId);
            j.append(caseId == 1 ? "" : ",\n").append("{\"CaseID\":").append(caseId)
                    .append(",\"CaseNumber\":\"").append(caseNumber).append("\",\"Media\":[\n");
            for (int m = 0; m < media; m++) {
                long id = written + 1;
                byte[] hashes = recent[(int) (written % RECENT)];
                if (written >= RECENT && random.nextInt(DUPLICATE_EVERY) == 0) {
                    System.arraycopy(recent[random.nextInt(RECENT)], 0, hashes, 0, hashes.length);
                } else {
                    random.nextBytes(hashes);
                }
                String md5 = HEX.formatHex(hashes, 0, 16);
                String sha1 = HEX.formatHex(hashes, 16, 36);
                String pdq = HEX.formatHex(hashes, 36, 68);
                int category = random.nextInt(CATEGORY_COUNT);
                Boolean victim = flag(random);
                Boolean offender = flag(random);
                Boolean distributed = flag(random);
                String series = random.nextInt(UNKNOWN_FLAG_EVERY) < 6 ? null
                        : String.format("series-%04d", random.nextInt(SERIES_COUNT));
                String agency = String.format("Agency %02d", random.nextInt(AGENCY_COUNT));

                j.append(m == 0 ? "" : ",\n").append("{\"MediaID\":").append(id)
                        .append(",\"MD5\":\"").append(md5).append("\",\"SHA1\":\"").append(sha1)
                        .append("\",\"Category\":").append(category)
                        .append(",\"VictimIdentified\":").append(victim)
                        .append(",\"OffenderIdentified\":").append(offender)
                        .append(",\"IsDistributed\":").append(distributed)
                        .append(",\"Series\":").append(series == null ? "null" : "\"" + series + "\"")
                        .append(",\"AlternativeHashes\":[{\"HashName\":\"PDQ\",\"HashValue\":\"").append(pdq)
                        .append("\"}]}");
                c.append(md5).append(';').append(sha1).append(";;;;").append(id).append(';')
                        .append(yn(distributed)).append(';').append(yn(victim)).append(';').append(yn(offender))
                        .append(';').append(series == null ? "" : series).append(';').append(caseNumber)
                        .append(';').append(agency).append(";1;N;Image;N\n");
                written++;
                flush(j, json);
                flush(c, csv);
            }
            j.append("]}");
        }
        j.append("\n]}\n");
        flush(j, json, 0);
        flush(c, csv, 0);
    }

    /** True, false, or now and then unknown (null). */
    static Boolean flag(SplittableRandom random) {
        return random.nextInt(UNKNOWN_FLAG_EVERY) == 0 ? null : random.nextBoolean();
    }

    static String yn(Boolean flag) {
        return flag == null ? "" : flag ? "Y" : "N";
    }

    static void flush(StringBuilder text, OutputStream out) throws IOException {
        flush(text, out, 1 << 15);
    }

    static void flush(StringBuilder text, OutputStream out, int above) throws IOException {
        if (text.length() >= above) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            text.setLength(0);
        }
    }
}
