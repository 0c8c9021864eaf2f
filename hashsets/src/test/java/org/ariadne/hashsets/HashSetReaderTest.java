package org.ariadne.hashsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ariadne.hashing.testing.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashSetReaderTest {

    /** The reference photo bridge-mods/aaa-orig.jpg's PDQ hash (../shared/reference/pdq/expected-pdq.tsv). */
    private static final String PDQ = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
    /** MD5, SHA-1 and SHA-256 of the empty file. */
    private static final String MD5 = "d41d8cd98f00b204e9800998ecf8427e";
    private static final String SHA1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
    private static final String SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @TempDir
    Path folder;

    private final List<HashSetEntry> entries = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private HashSetFormat read(String name, String content, HashType plainType) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, content);
        ReadResult read = ReadResult.of(file, plainType);
        entries.addAll(read.entries());
        problems.addAll(read.problems());
        return read.format();
    }

    @Test
    void readsVics13MediaWithTheirPdqAsAnAlternativeHash() throws IOException {
        String json = """
                {"odata.metadata": "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/1.3.xml#Media",
                 "value": [
                  {"MediaID": 7, "Category": 2, "MD5": "%s", "SHA1": "%s", "VictimIdentified": true,
                   "OffenderIdentified": false, "IsDistributed": "Yes", "Series": "Synthetic series A",
                   "MediaSize": 1234, "Comments": {"nested": [1, 2]},
                   "AlternativeHashes": [{"HashName": "PhotoDNA", "HashValue": "ignored"},
                                         {"HashName": "PDQ", "HashValue": "%s"}]},
                  {"MediaID": 8, "MD5": "not-a-hash"},
                  {"MediaID": 9, "Category": 0}
                 ]}
                """.formatted(MD5.toUpperCase(), SHA1, PDQ);

        assertThat(read("set.json", json, null)).isEqualTo(HashSetFormat.VICS_1_3);

        assertThat(entries).hasSize(1);
        HashSetEntry e = entries.getFirst();
        assertThat(e.location()).isEqualTo("$.value[0]");
        assertThat(e.mediaId()).isEqualTo("7");
        assertThat(e.category()).isEqualTo("2");
        assertThat(e.md5().hex()).isEqualTo(MD5);
        assertThat(e.sha1().hex()).isEqualTo(SHA1);
        assertThat(e.pdq().hex()).isEqualTo(PDQ);
        assertThat(e.victimIdentified()).isTrue();
        assertThat(e.offenderIdentified()).isFalse();
        assertThat(e.distributed()).isTrue();
        assertThat(e.series()).isEqualTo("Synthetic series A");
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("$.value[1]: md5: expected 32 hex digits");
        assertThat(problems.get(1)).isEqualTo("$.value[2]: no hash");
    }

    @Test
    void readsVics20CasesWithTheirMediaAndMediaListedDirectly() throws IOException {
        String json = """
                {"@odata.context": "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Cases",
                 "value": [
                  {"CaseID": 1, "CaseNumber": "SYN-1", "Media": [
                     {"MediaID": 1, "SHA1": "%s", "Category": 1},
                     {"MediaID": 2, "AlternativeHashes": [{"HashName": "SHA-256", "HashValue": "%s"}], "VictimIdentified": "maybe"},
                     {"MediaID": 3, "AlternativeHashes": [{"HashName": "pdq", "HashValue": "%s"}]}
                  ]},
                  {"MediaID": 4, "MD5": "%s"}
                 ]}
                """.formatted(SHA1, SHA256, PDQ, MD5);

        assertThat(read("set.json", json, null)).isEqualTo(HashSetFormat.VICS_2_0);

        assertThat(entries).extracting(HashSetEntry::location)
                .containsExactly("$.value[0].Media[0]", "$.value[0].Media[2]", "$.value[1]");
        assertThat(entries.get(0).sha1().hex()).isEqualTo(SHA1);
        assertThat(entries.get(1).pdq().hex()).isEqualTo(PDQ);
        assertThat(entries.get(2).md5().hex()).isEqualTo(MD5);
        assertThat(problems).containsExactly("$.value[0].Media[1]: victim identified: not a yes/no value: 'maybe'");
    }

    @Test
    void readsTheIcseExportWhateverItsFlagsSpacesAndStrayColumns() throws IOException {
        String csv = """
                MD5;SHA1;ZZ40;PhotoDNA;Lace;Image ID;Is distributed;Victim identified;Offender identified;Series name;Investigation name;Agency;Number of submissions;File Available;Media Type;Baseline
                %s ; %s;;;;101;Y;N;Yes;Synthetic series B;Op Synthetic;Agency X;3;True;Image;No
                ;%s;;;;102;True;False;No;"Series; with a semicolon";;Agency Y;1;False;Image;No;stray;columns
                %s;;;;;103;sometimes;N;N;;;;;;;
                ;;;;;104;Y;Y;Y;;;;;;;

                """.formatted(MD5.toUpperCase(), SHA1, SHA1, MD5);

        assertThat(read("export.csv", csv, null)).isEqualTo(HashSetFormat.ICSE_CSV);

        assertThat(entries).hasSize(2);
        HashSetEntry first = entries.get(0);
        assertThat(first.location()).isEqualTo("line 2");
        assertThat(first.md5().hex()).isEqualTo(MD5);
        assertThat(first.sha1().hex()).isEqualTo(SHA1);
        assertThat(first.mediaId()).isEqualTo("101");
        assertThat(first.distributed()).isTrue();
        assertThat(first.victimIdentified()).isFalse();
        assertThat(first.offenderIdentified()).isTrue();
        assertThat(first.series()).isEqualTo("Synthetic series B");
        assertThat(first.agency()).isEqualTo("Agency X");
        HashSetEntry second = entries.get(1);
        assertThat(second.md5()).isNull();
        assertThat(second.series()).isEqualTo("Series; with a semicolon");
        assertThat(second.distributed()).isTrue();
        assertThat(second.victimIdentified()).isFalse();
        assertThat(problems).containsExactly("line 4: distributed: not a yes/no value: 'sometimes'", "line 5: no hash");
    }

    @Test
    void readsPlainListsWithOrWithoutPrefixes() throws IOException {
        String list = "\uFEFF# a synthetic list\n"
                + "md5:" + MD5 + "\n"
                + "SHA1: " + SHA1 + ", item-2\n"
                + "sha256:" + SHA256 + "\n"
                + "pdq:" + PDQ + "\n"
                + MD5 + "\n"
                + SHA1 + "\n"
                + PDQ + "\n"
                + "crc32:1234abcd\n"
                + "\n";

        assertThat(read("list.txt", list, null)).isEqualTo(HashSetFormat.PLAIN_LIST);

        assertThat(entries).extracting(HashSetEntry::location)
                .containsExactly("line 2", "line 3", "line 4", "line 5", "line 6", "line 7");
        assertThat(entries.get(1).mediaId()).isEqualTo("item-2");
        assertThat(entries.get(2).sha256().hex()).isEqualTo(SHA256);
        assertThat(entries.get(3).pdq().hex()).isEqualTo(PDQ);
        assertThat(entries.get(4).md5().hex()).isEqualTo(MD5);
        assertThat(entries.get(5).sha1().hex()).isEqualTo(SHA1);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("line 8: 64 hex digits may be SHA-256 or PDQ");
        assertThat(problems.get(1)).startsWith("line 9: unknown hash type 'crc32'");
    }

    @Test
    void aListOfOneTypeNeedsNoPrefixes() throws IOException {
        read("pdq.txt", PDQ + "\n" + PDQ.substring(1) + "\n", HashType.PDQ);

        assertThat(entries).extracting(e -> e.pdq().hex()).containsExactly(PDQ);
        assertThat(problems).containsExactly("line 2: pdq: expected 64 hex digits, got 63 characters");
    }

    @Test
    void refusesFilesThatAreNoHashSetAtAll() throws IOException {
        Path jpeg = folder.resolve("photo.jpg");
        Files.copy(ReferenceData.pdq().resolve("bridge-mods/aaa-orig.jpg"), jpeg);
        assertThatThrownBy(() -> HashSetReader.read(jpeg, null, ignore()))
                .isInstanceOf(NotAHashSetException.class).hasMessageContaining("binary");

        assertThatThrownBy(() -> read("other.json", "{\"name\": \"a package manifest\", \"value\": []}", null))
                .isInstanceOf(NotAHashSetException.class).hasMessageContaining("odata");
        assertThatThrownBy(() -> read("prose.txt", "Dear colleague,\nplease find attached...\n", null))
                .isInstanceOf(NotAHashSetException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> read("empty.txt", "  \n", null))
                .isInstanceOf(NotAHashSetException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> read("broken.json", "{\"odata.metadata\": \"x\", \"value\": [{\"MD5\": ", null))
                .isInstanceOf(NotAHashSetException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> read("header.csv", "MD5;SHA-1 digest\n" + MD5 + ";\n", null))
                .isInstanceOf(NotAHashSetException.class).hasMessageContaining("ICSE");
    }

    @Test
    void aVicsFileCutShortKeepsWhatWasReadAndSaysWhere() throws IOException {
        String json = "{\"odata.metadata\": \"x\", \"value\": [{\"MediaID\": 1, \"MD5\": \"" + MD5
                + "\"}, {\"MediaID\": 2, \"MD5\": \"" + MD5.substring(0, 10);

        assertThat(read("cut.json", json, null)).isEqualTo(HashSetFormat.VICS_1_3);

        assertThat(entries).extracting(HashSetEntry::mediaId).containsExactly("1");
        assertThat(problems).singleElement().asString().startsWith("line 1, column").contains("not valid JSON");
    }

    private static HashSetReader.Listener ignore() {
        return new HashSetReader.Listener() {
            @Override
            public void entry(HashSetEntry entry) {
            }

            @Override
            public void problem(String location, String message) {
            }
        };
    }
}
