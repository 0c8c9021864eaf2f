package org.ariadne.hashsets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ariadne.hashing.crypto.CryptoAlgorithm;
import org.ariadne.hashing.crypto.CryptoHash;
import org.ariadne.hashing.pdq.PdqHash;
import org.ariadne.hashing.testing.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownHashesTest {

    private static final String MD5 = "d41d8cd98f00b204e9800998ecf8427e";
    private static final String OTHER_MD5 = "0cc175b9c0f1b6a831c399e269772661";

    @TempDir
    Path folder;

    private final List<String> problems = new ArrayList<>();

    @Test
    void setsThatDisagreeAboutAHashAreBothKeptAndTheConflictListed() throws IOException {
        Path vics = write("agency-a.json", """
                {"odata.metadata": "x", "value": [
                  {"MediaID": 1, "MD5": "%s", "VictimIdentified": true, "Category": 1, "Series": "Synthetic A"},
                  {"MediaID": 2, "MD5": "%s", "VictimIdentified": false}
                ]}
                """.formatted(MD5, OTHER_MD5));
        Path icse = write("agency-b.csv", """
                MD5;SHA1;ZZ40;PhotoDNA;Lace;Image ID;Is distributed;Victim identified;Offender identified;Series name;Investigation name;Agency;Number of submissions;File Available;Media Type;Baseline
                %s;;;;;77;N;N;N;Synthetic A;;Agency B;1;N;Image;N
                %s;;;;;78;N;;N;;;Agency B;1;N;Image;N
                """.formatted(MD5.toUpperCase(), OTHER_MD5));

        KnownHashes known = new KnownHashes();
        KnownHashes.Loaded a = known.load(vics, null, this::problem);
        KnownHashes.Loaded b = known.load(icse, null, this::problem);

        assertThat(a).isEqualTo(new KnownHashes.Loaded("agency-a.json", HashSetFormat.VICS_1_3, 2, 0));
        assertThat(b).isEqualTo(new KnownHashes.Loaded("agency-b.csv", HashSetFormat.ICSE_CSV, 2, 0));
        assertThat(known.exact(new CryptoHash(CryptoAlgorithm.MD5, MD5)))
                .extracting(k -> k.hashSet() + "/" + k.entry().mediaId())
                .containsExactly("agency-a.json/1", "agency-b.csv/77");
        // the second item: agency B leaves "victim identified" empty, which is no disagreement
        assertThat(known.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.hash()).isEqualTo("md5:" + MD5);
            assertThat(c.what()).isEqualTo("victim identified");
            assertThat(c.first().hashSet()).isEqualTo("agency-a.json");
            assertThat(c.second().hashSet()).isEqualTo("agency-b.csv");
        });
        assertThat(known.exact(new CryptoHash(CryptoAlgorithm.SHA1, "da39a3ee5e6b4b0d3255bfef95601890afd80709"))).isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void findsTheReferencePhotosEditsByPdqWithinTheRadius() throws IOException {
        Map<String, String> pdq = ReferenceData.tsv(ReferenceData.pdq().resolve("expected-pdq.tsv")).stream()
                .collect(Collectors.toMap(row -> row[0], row -> row[1]));
        String original = pdq.get("bridge-mods/aaa-orig.jpg");
        String blurred = pdq.get("bridge-mods/blur-a-little.jpg");
        Path list = write("known.txt", "pdq:" + original + ",bridge\n");

        KnownHashes known = new KnownHashes();
        known.load(list, null, this::problem);

        int expected = new BigInteger(original, 16).xor(new BigInteger(blurred, 16)).bitCount();
        assertThat(known.similar(PdqHash.parse(blurred), 31)).singleElement().satisfies(s -> {
            assertThat(s.known().entry().mediaId()).isEqualTo("bridge");
            assertThat(s.distance()).isEqualTo(expected);
        });
        assertThat(known.similar(PdqHash.parse(blurred), expected - 1)).isEmpty();
    }

    private void problem(String location, String message) {
        problems.add(location + ": " + message);
    }

    private Path write(String name, String content) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, content);
        return file;
    }
}
