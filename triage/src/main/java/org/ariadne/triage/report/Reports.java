package org.ariadne.triage.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ariadne.triage.TriageRecord;

/** Writes every report of a finished run into its output folder. */
public final class Reports {

    public static final String SUMMARY = "summary.json";
    public static final String HTML = "report.html";
    public static final String CONTRIBUTION = "contribution.json";

    private Reports() {
    }

    public static void writeAll(Path out, List<TriageRecord> records, RunFacts facts) throws IOException {
        Summary summary = Summary.of(records, facts);
        summary.write(out.resolve(SUMMARY));
        HtmlReport.write(out.resolve(HTML), out, records, summary, facts);
        Contribution.write(out.resolve(CONTRIBUTION), records);
    }
}
