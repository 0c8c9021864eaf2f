package org.ariadne.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ariadne.hashing.pdq.PdqHash;
import org.ariadne.hashing.pdq.PdqSignalType;
import org.ariadne.hashsets.HashType;
import org.ariadne.hashsets.KnownHashes;
import org.ariadne.hashsets.NotAHashSetException;
import org.ariadne.media.DecodeLimits;
import org.ariadne.triage.Triage;
import org.ariadne.triage.source.SourceLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ariadne triage}: a seized folder or archive against hash sets, offline. Loads the sets (each
 * malformed record reported and skipped), then hands the work to {@link Triage}, which writes the
 * reports into {@code --out}.
 */
@Command(name = "triage",
        description = "Triage folders and archives (zip, tar, tar.gz) against hash sets: known, similar, unknown.",
        sortOptions = false)
final class TriageCommand implements Callable<Integer> {

    /** Malformed records printed per hash set; the rest are counted (a broken export can have millions). */
    private static final int PROBLEMS_PRINTED = 20;
    /** Conflicts printed; all are listed in summary.json. */
    private static final int CONFLICTS_PRINTED = 10;

    @Spec
    CommandSpec spec;

    @Option(names = "--hashset", paramLabel = "FILE",
            description = "A hash set: VICS JSON 1.3 or 2.0, ICSE CSV export, or a plain list (repeat for more).")
    List<Path> hashSets = new ArrayList<>();

    @Option(names = "--type", paramLabel = "TYPE",
            description = "Type of the unprefixed hashes of plain lists: md5, sha1, sha256 or pdq.")
    HashType plainType;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder for report.jsonl, summary.json, report.html and contribution.json.")
    Path out;

    @Option(names = "--radius", defaultValue = "" + PdqSignalType.MATCH_DISTANCE,
            description = "PDQ distance within which a picture is similar (default ${DEFAULT-VALUE}).")
    int radius;

    @Option(names = "--resume", description = "Finish the run journalled in --out (after a crash or kill).")
    boolean resume;

    @Option(names = "--thumbnails", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Blurred thumbnails of unknown images in report.html (default: yes).")
    boolean thumbnails;

    @Option(names = "--scene-groups",
            description = "Group unknown images that show one scene (a room or object seen again) in report.html;"
                    + " costs about 12 ms of one core a picture (default: no).")
    boolean sceneGroups;

    @Mixin
    HashingOptions hashing;

    @Mixin
    ProgressOption progress;

    @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "Folders and archives to triage.")
    List<Path> sources;

    @Override
    public Integer call() throws IOException {
        int workers = hashing.workers();
        DecodeLimits limits = hashing.decodeLimits();
        if (radius < 0 || radius > PdqHash.BITS) {
            throw new ExitCodes.UsageException("--radius must be between 0 and " + PdqHash.BITS);
        }
        PrintWriter err = spec.commandLine().getErr();
        KnownHashes known = new KnownHashes();
        List<KnownHashes.Loaded> loaded = new ArrayList<>();
        for (Path set : hashSets) {
            loaded.add(load(known, set, err));
        }
        reportConflicts(known, err);

        ProgressBar bar = progress.bar(err, "triage", 0);
        Triage.Outcome outcome;
        try {
            outcome = new Triage(known, loaded, new Triage.Options(sources, hashSets, out, radius, workers, thumbnails,
                    resume, limits, SourceLimits.DEFAULT, hashing.sampling(), sceneGroups)).run(new Triage.Progress() {
                @Override
                public void total(int items) {
                    bar.total(items);
                }

                @Override
                public void step(long bytes) {
                    bar.step(bytes);
                }
            });
        } finally {
            bar.done();
        }
        err.printf(Locale.ROOT, "triage: %d files (%d triaged now, %d done before) in %.2f s; reports in %s%n",
                outcome.records(), outcome.triaged(), outcome.resumed(), outcome.seconds(), out);
        return ExitCodes.OK;
    }

    private KnownHashes.Loaded load(KnownHashes known, Path set, PrintWriter err) throws IOException {
        if (!Files.isRegularFile(set)) {
            throw new ExitCodes.UsageException("no such hash set: " + set);
        }
        int[] printed = {0};
        long start = System.nanoTime();
        try {
            KnownHashes.Loaded loaded = known.load(set, plainType, (location, message) -> {
                if (printed[0]++ < PROBLEMS_PRINTED) {
                    err.println("ariadne: " + set + ": " + location + ": " + message + " (skipped)");
                }
            });
            if (loaded.problems() > PROBLEMS_PRINTED) {
                err.println("ariadne: " + set + ": " + (loaded.problems() - PROBLEMS_PRINTED) + " more malformed records skipped");
            }
            err.printf(Locale.ROOT, "loaded %s: %,d entries (%s) in %.1f s%n", set, loaded.entries(),
                    loaded.format().name().toLowerCase(Locale.ROOT), (System.nanoTime() - start) / 1e9);
            return loaded;
        } catch (NotAHashSetException e) {
            throw new ExitCodes.UsageException(set + " is not a hash set: " + e.getMessage());
        }
    }

    private static void reportConflicts(KnownHashes known, PrintWriter err) {
        List<KnownHashes.Conflict> conflicts = known.conflicts();
        for (KnownHashes.Conflict c : conflicts.subList(0, Math.min(CONFLICTS_PRINTED, conflicts.size()))) {
            err.println("ariadne: conflict on " + c.hash() + ": " + c.first().hashSet() + " (" + c.first().entry().location()
                    + ") and " + c.second().hashSet() + " (" + c.second().entry().location() + ") disagree on " + c.what()
                    + "; both kept");
        }
        if (conflicts.size() > CONFLICTS_PRINTED) {
            err.println("ariadne: " + (conflicts.size() - CONFLICTS_PRINTED) + " more conflicts: see summary.json");
        }
    }
}
