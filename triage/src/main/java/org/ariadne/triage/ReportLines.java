package org.ariadne.triage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ariadne.hashing.metadata.MediaMetadata;

/**
 * The JSON of a {@code report.jsonl} line, both ways. Field names are snake_case and stable: forensic
 * tools parse them. Reading back is what lets a killed run resume and the final reports be written
 * from the journal alone.
 */
final class ReportLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportLines() {
    }

    /** One record as a single line of JSON, without the line break. */
    static String write(TriageRecord r) {
        StringWriter text = new StringWriter(512);
        try (JsonGenerator g = JSON.getFactory().createGenerator(text)) {
            g.writeStartObject();
            g.writeStringField("path", r.path());
            g.writeNumberField("size", r.size());
            g.writeStringField("media_type", r.mediaType());
            g.writeStringField("md5", r.md5());
            g.writeStringField("sha1", r.sha1());
            g.writeStringField("sha256", r.sha256());
            g.writeStringField("pdq", r.pdq());
            writeNullable(g, "pdq_quality", r.pdqQuality());
            if (!r.pdqTransformed().isEmpty()) {
                g.writeObjectFieldStart("pdq_transformed");
                for (Map.Entry<String, String> t : r.pdqTransformed().entrySet()) {
                    g.writeStringField(t.getKey(), t.getValue());
                }
                g.writeEndObject();
            }
            g.writeStringField("verdict", r.verdict().label());
            g.writeArrayFieldStart("matches");
            for (TriageMatch m : r.matches()) {
                g.writeStartObject();
                g.writeStringField("hashset", m.hashSet());
                g.writeStringField("media_id", m.mediaId());
                g.writeStringField("series", m.series());
                g.writeStringField("category", m.category());
                writeNullable(g, "victim_identified", m.victimIdentified());
                writeNullable(g, "offender_identified", m.offenderIdentified());
                g.writeStringField("signal", m.signal());
                if (m.transformation() != null) {
                    g.writeStringField("transformation", m.transformation());
                }
                g.writeNumberField("distance", m.distance());
                if (m.frameSeconds() != null) {
                    g.writeNumberField("frame_seconds", m.frameSeconds());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("metadata");
            for (Map.Entry<String, Object> field : r.metadata().fields().entrySet()) {
                if (field.getValue() != null) {
                    g.writeObjectField(field.getKey(), field.getValue());
                }
            }
            g.writeEndObject();
            if (r.thumbnail() != null) {
                g.writeStringField("thumbnail", r.thumbnail());
            }
            g.writeStringField("error", r.error());
            if (r.scene() != null) {
                g.writeStringField("scene", r.scene());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void writeNullable(JsonGenerator g, String name, Object value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else if (value instanceof Boolean b) {
            g.writeBooleanField(name, b);
        } else {
            g.writeNumberField(name, ((Number) value).intValue());
        }
    }

    /**
     * Reads a line {@link #write} wrote.
     *
     * @throws IllegalArgumentException if the line is not such a record (a line cut short by a kill)
     */
    static TriageRecord read(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a report line: " + e.getOriginalMessage(), e);
        }
        if (n == null || !n.isObject() || !n.hasNonNull("path") || !n.hasNonNull("verdict")) {
            throw new IllegalArgumentException("not a report line: no path or verdict");
        }
        List<TriageMatch> matches = new ArrayList<>();
        for (JsonNode m : n.path("matches")) {
            matches.add(new TriageMatch(text(m, "hashset"), text(m, "media_id"), text(m, "series"),
                    text(m, "category"), flag(m, "victim_identified"), flag(m, "offender_identified"),
                    text(m, "signal"), text(m, "transformation"), m.path("distance").asInt(),
                    m.hasNonNull("frame_seconds") ? m.get("frame_seconds").asDouble() : null));
        }
        Map<String, String> transformed = new java.util.LinkedHashMap<>();
        n.path("pdq_transformed").properties().forEach(t -> transformed.put(t.getKey(), t.getValue().asText()));
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = JSON.convertValue(n.path("metadata"), Map.class);
        try {
            return new TriageRecord(text(n, "path"), n.path("size").asLong(-1), text(n, "media_type"),
                    text(n, "md5"), text(n, "sha1"), text(n, "sha256"), text(n, "pdq"),
                    n.hasNonNull("pdq_quality") ? n.get("pdq_quality").asInt() : null, transformed,
                    Verdict.ofLabel(n.get("verdict").asText()), matches,
                    metadata == null ? MediaMetadata.NONE : MediaMetadata.fromFields(metadata),
                    text(n, "thumbnail"), text(n, "error"), text(n, "scene"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a report line: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Boolean flag(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asBoolean();
    }
}
