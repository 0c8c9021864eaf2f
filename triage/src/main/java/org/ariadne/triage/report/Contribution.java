package org.ariadne.triage.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ariadne.triage.TriageMatch;
import org.ariadne.triage.TriageRecord;
import org.ariadne.triage.Verdict;

/**
 * {@code contribution.json}: what this seizure adds to the shared database, the unknown and the similar
 * files, as one VICS 2.0 case. Items are not categorised (a specialist does that); a similar file says
 * in its comment which known item it resembles. MD5 and SHA-1 are upper case, as VICS exports write
 * them; SHA-256 and PDQ travel as alternative hashes.
 */
final class Contribution {

    static final String CONTEXT = "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Cases";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Contribution() {
    }

    static void write(Path file, List<TriageRecord> records) throws IOException {
        try (JsonGenerator g = JSON.getFactory().createGenerator(file.toFile(), com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("@odata.context", CONTEXT);
            g.writeArrayFieldStart("value");
            g.writeStartObject();
            g.writeNumberField("CaseID", 1);
            g.writeStringField("SourceApplicationName", "Ariadne triage");
            g.writeArrayFieldStart("Media");
            int mediaId = 0;
            for (TriageRecord r : records) {
                if ((r.verdict() == Verdict.UNKNOWN || r.verdict() == Verdict.SIMILAR) && r.md5() != null) {
                    writeMedia(g, ++mediaId, r);
                }
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void writeMedia(JsonGenerator g, int mediaId, TriageRecord r) throws IOException {
        g.writeStartObject();
        g.writeNumberField("MediaID", mediaId);
        g.writeStringField("MD5", r.md5().toUpperCase(Locale.ROOT));
        if (r.sha1() != null) {
            g.writeStringField("SHA1", r.sha1().toUpperCase(Locale.ROOT));
        }
        g.writeNumberField("MediaSize", r.size());
        g.writeStringField("RelativeFilePath", r.path());
        g.writeBooleanField("IsPrecategorized", false);
        g.writeArrayFieldStart("AlternativeHashes");
        alternative(g, "SHA256", r.sha256());
        alternative(g, "PDQ", r.pdq());
        g.writeEndArray();
        if (r.verdict() == Verdict.SIMILAR) {
            TriageMatch nearest = r.matches().getFirst();
            g.writeStringField("Comments", "similar (PDQ distance %d, %s) to media %s of hash set %s%s".formatted(
                    nearest.distance(), nearest.transformation(), nearest.mediaId(), nearest.hashSet(),
                    nearest.series() == null ? "" : ", series " + nearest.series()));
        }
        g.writeEndObject();
    }

    private static void alternative(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStartObject();
            g.writeStringField("HashName", name);
            g.writeStringField("HashValue", value);
            g.writeEndObject();
        }
    }
}
