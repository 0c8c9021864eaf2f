package org.ariadne.hashsets;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ariadne.hashing.crypto.CryptoHash;
import org.ariadne.hashing.pdq.PdqHash;

/**
 * What the loaded hash sets say of each entry, apart from its hashes (the indexes hold those), in
 * columns of a few bytes an entry: labels (category, series, agency) as codes into dictionaries, the
 * three flags packed into one byte, the media id as a number where it is one, and the entry's place in
 * its file as a line or list index, from which its location is written again when it is asked for.
 * An entry is known by its position, from 0 in loading order.
 *
 * <p>Entries are kept in {@link Part}s: the consecutive entries of one file that one thread read. A
 * large file is read by two threads at once, the second from its middle, into a part of its own that
 * is placed after the first one's when both are done.
 *
 * <p>One thread places parts and adds to the last one; reads from other threads are safe once loading
 * is over.
 */
final class KnownEntries {

    /** Bits of each flag in the packed flags: unknown, yes or no (see {@link EntryBuilder#UNKNOWN}). */
    private static final int FLAG_BITS = 2;
    private static final int FLAG_MASK = (1 << FLAG_BITS) - 1;
    private static final int VICTIM = 0;
    private static final int OFFENDER = FLAG_BITS;
    private static final int DISTRIBUTED = 2 * FLAG_BITS;

    /** The parts, in position order. */
    private final List<Part> parts = new ArrayList<>();

    /**
     * Consecutive entries of one file, read by one thread, with dictionaries of their own (a thread
     * fills it alone; labels are compared by their text where parts differ).
     */
    static final class Part {

        final String name;
        /** The position of the first entry, once placed; -1 before. */
        private int first = -1;
        /** Added to the part's list indices, or to its line numbers: where in the file its reading started. */
        private int itemOffset;
        private int lineOffset;
        private boolean lines;

        private final Dictionary categories = new Dictionary();
        private final Dictionary seriesNames = new Dictionary();
        private final Dictionary agencies = new Dictionary();
        private final Column category = new Column();
        private final Column series = new Column();
        private final Column agency = new Column();
        private final Column flags = new Column();
        /** 0 for none, {@code 2 * (id + 1)} for a numeric id, {@code 2 * where + 1} for text in {@link #mediaTexts}. */
        private final Column mediaIds = new Column();
        private final TextArena mediaTexts = new TextArena();
        /** Each entry's line, or its index in its list ({@code value}, or its case's {@code Media}). */
        private final Column places = new Column();
        /** Runs of consecutive entries in one case (a VICS 2.0 case), to tell which case an entry is in. */
        private final Column runStarts = new Column();
        /** The case of each run, plus one: 0 for media listed directly in {@code value}. */
        private final Column runCases = new Column();
        private int lastCase = Integer.MIN_VALUE;

        Part(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        int size() {
            return places.size();
        }

        /** Adds a record; its list index or line is as the reader saw it (see {@link KnownEntries#place}). */
        void add(EntryBuilder record) {
            int index = size();
            lines = record.lines();
            if (record.caseIndex() != lastCase) {
                runStarts.add(index);
                runCases.add(record.caseIndex() + 1L);
                lastCase = record.caseIndex();
            }
            places.add(record.index());
            category.add(categories.code(record.category()));
            series.add(seriesNames.code(record.series()));
            agency.add(agencies.code(record.agency()));
            flags.add(record.victimIdentified() << VICTIM | record.offenderIdentified() << OFFENDER
                    | record.distributed() << DISTRIBUTED);
            if (record.mediaNumber() != EntryBuilder.NO_NUMBER) {
                mediaIds.add(2 * (record.mediaNumber() + 1));
            } else if (record.mediaText() != null) {
                mediaIds.add(2 * mediaTexts.add(record.mediaText()) + 1);
            } else {
                mediaIds.add(0);
            }
        }

        HashSetEntry entry(int i, CryptoHash md5, CryptoHash sha1, CryptoHash sha256, PdqHash pdq) {
            int packed = (int) flags.get(i);
            return new HashSetEntry(location(i), mediaId(i), md5, sha1, sha256, pdq, category(i),
                    EntryBuilder.bool(packed >>> VICTIM & FLAG_MASK),
                    EntryBuilder.bool(packed >>> OFFENDER & FLAG_MASK),
                    EntryBuilder.bool(packed >>> DISTRIBUTED & FLAG_MASK),
                    series(i), agencies.value((int) agency.get(i)));
        }

        private String category(int i) {
            return categories.value((int) category.get(i));
        }

        private String series(int i) {
            return seriesNames.value((int) series.get(i));
        }

        private int flag(int i, int shift) {
            return (int) flags.get(i) >>> shift & FLAG_MASK;
        }

        private String mediaId(int i) {
            long code = mediaIds.get(i);
            if (code == 0) {
                return null;
            }
            return code % 2 == 0 ? Long.toString(code / 2 - 1) : mediaTexts.get(code / 2);
        }

        /** Where in its file the entry was read, as the reader said it: {@code line 12}, {@code $.value[3].Media[0]}. */
        private String location(int i) {
            int index = (int) places.get(i);
            if (lines) {
                return EntryBuilder.location(true, -1, index + lineOffset);
            }
            int run = runStarts.search(i + 1L) - 1; // the last run starting at or before the entry
            int caseIndex = (int) runCases.get(run) - 1;
            return caseIndex < 0 ? EntryBuilder.location(false, -1, index + itemOffset)
                    : EntryBuilder.location(false, caseIndex + itemOffset, index);
        }

        long memoryBytes() {
            return categories.memoryBytes() + seriesNames.memoryBytes() + agencies.memoryBytes()
                    + category.memoryBytes() + series.memoryBytes() + agency.memoryBytes() + flags.memoryBytes()
                    + mediaIds.memoryBytes() + mediaTexts.memoryBytes() + places.memoryBytes()
                    + runStarts.memoryBytes() + runCases.memoryBytes() + 128;
        }
    }

    int size() {
        return parts.isEmpty() ? 0 : parts.getLast().first + parts.getLast().size();
    }

    /**
     * Places a part after the entries there are: its entries take the next positions, including those
     * added to it from now on (so only the last part may still grow). {@code itemOffset} and
     * {@code lineOffset} are where the part's reading started in its file (0 from the start): its list
     * indices and lines are counted from there.
     */
    void place(Part part, int itemOffset, int lineOffset) {
        if (part.first >= 0) {
            throw new IllegalStateException("part placed twice");
        }
        part.first = size();
        part.itemOffset = itemOffset;
        part.lineOffset = lineOffset;
        parts.add(part);
    }

    /** The name of the set (file) the entry came from. */
    String hashSet(int position) {
        return partOf(position).name;
    }

    /** The entry as it was read, its hashes given: what {@link EntryBuilder#build} made of it. */
    HashSetEntry entry(int position, CryptoHash md5, CryptoHash sha1, CryptoHash sha256, PdqHash pdq) {
        Part part = partOf(position);
        return part.entry(position - part.first, md5, sha1, sha256, pdq);
    }

    /**
     * The fields two entries of one item disagree on (category, victim identified, offender identified,
     * series), or null: a field that either leaves empty is no disagreement.
     */
    String disagreement(int a, int b) {
        Part partA = partOf(a);
        Part partB = partOf(b);
        int i = a - partA.first;
        int j = b - partB.first;
        List<String> fields = new ArrayList<>(4);
        if (differ(partA.category(i), partB.category(j))) {
            fields.add("category");
        }
        if (differ(partA.flag(i, VICTIM), partB.flag(j, VICTIM))) {
            fields.add("victim identified");
        }
        if (differ(partA.flag(i, OFFENDER), partB.flag(j, OFFENDER))) {
            fields.add("offender identified");
        }
        if (differ(partA.series(i), partB.series(j))) {
            fields.add("series");
        }
        return fields.isEmpty() ? null : String.join(", ", fields);
    }

    private static boolean differ(String a, String b) {
        return a != null && b != null && !a.equals(b);
    }

    /** Flags: 0 is "not given". */
    private static boolean differ(int a, int b) {
        return a != 0 && b != 0 && a != b;
    }

    long memoryBytes() {
        long bytes = 64;
        for (Part part : parts) {
            bytes += part.memoryBytes();
        }
        return bytes;
    }

    private Part partOf(int position) {
        if (position < 0 || position >= size()) {
            throw new IndexOutOfBoundsException(position);
        }
        int low = 0;
        int high = parts.size() - 1;
        while (low < high) { // the last part starting at or before the position
            int mid = (low + high + 1) >>> 1;
            if (parts.get(mid).first <= position) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return parts.get(low);
    }
}
