package org.ariadne.triage.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ariadne.hashsets.KnownHashes;
import org.ariadne.triage.TriageMatch;
import org.ariadne.triage.TriageRecord;
import org.ariadne.triage.Verdict;

/**
 * {@code report.html}: one self-contained page (styles, script and thumbnails inline; it opens offline,
 * from a USB stick) for the investigator: the summary, the known series found, the similar files, the
 * unknown images in groups, and the files that could not be read. Thumbnails are blurred until the
 * reader chooses to reveal them, one by one or all at once. Every name from the seized media is escaped:
 * a file name is hostile input too.
 */
final class HtmlReport {

    /** Rows listed per table at most; the rest is counted, and is in report.jsonl. */
    static final int MAX_ROWS = 5000;

    private static final String STYLE = """
            body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
            h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
            table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:.25em .6em;text-align:left;vertical-align:top}
            th{background:#f3f3f3}.num{text-align:right}.path{font-family:monospace;word-break:break-all}
            .group{border:1px solid #ccc;border-radius:4px;padding:.5em;margin:.8em 0}
            .why{color:#555;font-style:italic}.tiles{display:flex;flex-wrap:wrap;gap:.6em}
            .tile{width:170px;font-size:12px}.tile img{display:block;max-width:160px;max-height:160px;cursor:pointer}
            .thumb{filter:blur(14px)}body.reveal .thumb,.thumb.shown{filter:none}
            .known{color:#8a1c1c;font-weight:bold}.note{color:#555}
            """;

    private static final String SCRIPT = """
            function revealAll(b){var on=document.body.classList.toggle('reveal');b.textContent=on?'Blur thumbnails':'Reveal thumbnails';}
            document.addEventListener('click',function(e){if(e.target.classList&&e.target.classList.contains('thumb')){e.target.classList.toggle('shown');}});
            """;

    private HtmlReport() {
    }

    static void write(Path file, Path out, List<TriageRecord> records, Summary summary, RunFacts facts) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Html html = new Html(w);
            html.raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
                    + "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">"
                    + "<title>Ariadne triage report</title><style>" + STYLE + "</style><script>" + SCRIPT + "</script></head><body>");
            html.raw("<h1>Ariadne triage report</h1>");
            summarySection(html, summary, facts);
            seriesSection(html, records);
            similarSection(html, records);
            unknownSection(html, out, records, facts);
            errorSection(html, records);
            html.raw("</body></html>\n");
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void summarySection(Html html, Summary s, RunFacts facts) {
        html.raw("<h2>Summary</h2><table>");
        row(html, "Files", String.valueOf(s.files()));
        row(html, "Bytes", String.format(Locale.ROOT, "%,d", s.bytes()));
        for (Verdict v : Verdict.values()) {
            row(html, "Verdict " + v.label(), String.valueOf(s.count(v)));
        }
        row(html, "Files matching an item whose victim is identified", String.valueOf(s.victimIdentified()));
        row(html, "Elapsed (this run)", String.format(Locale.ROOT, "%.1f s", facts.seconds()));
        row(html, "Images per second (this run)", String.format(Locale.ROOT, "%.1f", s.imagesPerSecond()));
        if (facts.resumed() > 0) {
            row(html, "Resumed", facts.resumed() + " files were done by the interrupted run");
        }
        row(html, "PDQ radius", String.valueOf(facts.radius()));
        html.raw("</table><table><tr><th>Hash set</th><th>Format</th><th>Entries</th><th>Malformed records skipped</th></tr>");
        for (KnownHashes.Loaded set : facts.hashSets()) {
            html.raw("<tr><td>").text(set.hashSet()).raw("</td><td>").text(set.format().name()).raw("</td><td class=num>")
                    .text(String.valueOf(set.entries())).raw("</td><td class=num>").text(String.valueOf(set.problems()))
                    .raw("</td></tr>");
        }
        html.raw("</table>");
        if (!facts.conflicts().isEmpty()) {
            html.raw("<p class=known>").text(facts.conflicts().size()
                    + " hashes on which hash sets disagree (category, identification or series): see summary.json.").raw("</p>");
        }
    }

    private static void row(Html html, String name, String value) {
        html.raw("<tr><th>").text(name).raw("</th><td>").text(value).raw("</td></tr>");
    }

    /** Known and similar files by the series their matches belong to. */
    private static void seriesSection(Html html, List<TriageRecord> records) {
        record Tally(int[] files, TreeSet<String> categories, TreeSet<String> victim, TreeSet<String> offender,
                     TreeSet<String> sets) {
        }
        Map<String, Tally> bySeries = new TreeMap<>();
        for (TriageRecord r : records) {
            TreeSet<String> seen = new TreeSet<>();
            for (TriageMatch m : r.matches()) {
                String series = m.series() == null ? "(no series)" : m.series();
                Tally t = bySeries.computeIfAbsent(series, k -> new Tally(new int[2], new TreeSet<>(), new TreeSet<>(),
                        new TreeSet<>(), new TreeSet<>()));
                if (seen.add(series)) {
                    t.files()[r.verdict() == Verdict.KNOWN ? 0 : 1]++;
                }
                if (m.category() != null) {
                    t.categories().add(m.category());
                }
                t.victim().add(yesNo(m.victimIdentified()));
                t.offender().add(yesNo(m.offenderIdentified()));
                t.sets().add(m.hashSet());
            }
        }
        html.raw("<h2>Known series</h2>");
        if (bySeries.isEmpty()) {
            html.raw("<p class=note>No file matched a hash set.</p>");
            return;
        }
        html.raw("<table><tr><th>Series</th><th>Known files</th><th>Similar files</th><th>Categories</th>"
                + "<th>Victim identified</th><th>Offender identified</th><th>Hash sets</th></tr>");
        bySeries.forEach((series, t) -> html.raw("<tr><td>").text(series).raw("</td><td class=num>")
                .text(String.valueOf(t.files()[0])).raw("</td><td class=num>").text(String.valueOf(t.files()[1]))
                .raw("</td><td>").text(String.join(", ", t.categories())).raw("</td><td>")
                .text(String.join(" / ", t.victim())).raw("</td><td>").text(String.join(" / ", t.offender()))
                .raw("</td><td>").text(String.join(", ", t.sets())).raw("</td></tr>"));
        html.raw("</table>");
    }

    private static String yesNo(Boolean b) {
        return b == null ? "unknown" : b ? "yes" : "no";
    }

    private static void similarSection(Html html, List<TriageRecord> records) {
        List<TriageRecord> similar = records.stream().filter(r -> r.verdict() == Verdict.SIMILAR).toList();
        html.raw("<h2>Similar to known material (").text(String.valueOf(similar.size())).raw(")</h2>");
        if (similar.isEmpty()) {
            return;
        }
        html.raw("<table><tr><th>File</th><th>Nearest known item</th><th>Series</th><th>Distance</th><th>As</th></tr>");
        for (TriageRecord r : similar.subList(0, Math.min(MAX_ROWS, similar.size()))) {
            TriageMatch m = r.matches().getFirst();
            html.raw("<tr><td class=path>").text(r.path()).raw("</td><td>").text(m.hashSet() + (m.mediaId() == null ? "" : " / " + m.mediaId()))
                    .raw("</td><td>").text(m.series() == null ? "" : m.series()).raw("</td><td class=num>")
                    .text(String.valueOf(m.distance())).raw("</td><td>").text(m.frameSeconds() != null
                            ? String.format(java.util.Locale.ROOT, "video frame at %.1f s", m.frameSeconds())
                            : m.transformation()).raw("</td></tr>");
        }
        html.raw("</table>");
        more(html, similar.size());
    }

    private static void unknownSection(Html html, Path out, List<TriageRecord> records, RunFacts facts) {
        List<TriageRecord> unknown = new ArrayList<>(records.stream().filter(r -> r.verdict() == Verdict.UNKNOWN).toList());
        html.raw("<h2>Unknown images (").text(String.valueOf(unknown.size())).raw(")</h2>");
        if (unknown.isEmpty()) {
            return;
        }
        if (facts.thumbnails()) {
            html.raw("<p class=note>Thumbnails are blurred. Click one to reveal it, or "
                    + "<button type=button onclick=\"revealAll(this)\">Reveal thumbnails</button></p>");
        } else {
            html.raw("<p class=note>Thumbnails were left out (--no-thumbnails).</p>");
        }
        int shown = 0;
        for (Groups.Group group : Groups.of(unknown, facts.radius())) {
            if (shown >= MAX_ROWS) {
                break; // no headings for groups whose files are not shown
            }
            html.raw("<div class=group><div class=why>");
            html.text(group.reasons().isEmpty()
                    ? (group.members().size() == 1 ? "1 file" : group.members().size() + " files") + " linked to no other"
                    : group.members().size() + " files: " + String.join("; ", group.reasons()));
            html.raw("</div><div class=tiles>");
            for (TriageRecord r : group.members()) {
                if (shown++ >= MAX_ROWS) {
                    break;
                }
                html.raw("<div class=tile>");
                String thumbnail = facts.thumbnails() ? dataUri(out, r.thumbnail()) : null;
                if (thumbnail != null) {
                    html.raw("<img class=thumb alt=\"thumbnail\" src=\"").raw(thumbnail).raw("\">");
                }
                html.raw("<div class=path>").text(r.path()).raw("</div>");
                String camera = Groups.camera(r.metadata());
                if (camera != null) {
                    html.raw("<div>").text(camera).raw("</div>");
                }
                html.raw("</div>");
            }
            html.raw("</div></div>");
        }
        more(html, unknown.size());
    }

    private static void errorSection(Html html, List<TriageRecord> records) {
        List<TriageRecord> errors = records.stream().filter(r -> r.error() != null).toList();
        html.raw("<h2>Not read or not decoded (").text(String.valueOf(errors.size())).raw(")</h2>");
        if (errors.isEmpty()) {
            return;
        }
        html.raw("<table><tr><th>File</th><th>Verdict</th><th>Why</th></tr>");
        for (TriageRecord r : errors.subList(0, Math.min(MAX_ROWS, errors.size()))) {
            html.raw("<tr><td class=path>").text(r.path()).raw("</td><td>").text(r.verdict().label()).raw("</td><td>")
                    .text(r.error()).raw("</td></tr>");
        }
        html.raw("</table>");
        more(html, errors.size());
    }

    private static void more(Html html, int count) {
        if (count > MAX_ROWS) {
            html.raw("<p class=note>").text((count - MAX_ROWS) + " more: see report.jsonl.").raw("</p>");
        }
    }

    /** The thumbnail as a data URI, or null when there is none (or it is gone). */
    private static String dataUri(Path out, String thumbnail) {
        // Only names this tool writes: a report.jsonl edited between runs must not pull in other files.
        if (thumbnail == null || !thumbnail.matches("thumbnails/[0-9a-f]{64}\\.jpg")) {
            return null;
        }
        try {
            return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(out.resolve(thumbnail)));
        } catch (IOException e) {
            return null;
        }
    }

    /** Writes markup as given and text escaped. */
    private record Html(Writer w) {
        Html raw(String markup) {
            try {
                w.write(markup);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Html text(String text) {
            if (text == null) {
                return this;
            }
            StringBuilder b = new StringBuilder(text.length() + 16);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '<' -> b.append("&lt;");
                    case '>' -> b.append("&gt;");
                    case '&' -> b.append("&amp;");
                    case '"' -> b.append("&quot;");
                    case '\'' -> b.append("&#39;");
                    default -> b.append(c < 0x20 && c != '\t' ? '\uFFFD' : c);
                }
            }
            return raw(b.toString());
        }
    }
}
