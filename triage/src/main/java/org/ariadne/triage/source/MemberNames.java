package org.ariadne.triage.source;

import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Member paths as an archive stores them, judged and normalised. Nothing is ever extracted by name, but a
 * name that would climb out of an archive, were it extracted, is refused all the same: it is a sign of a
 * crafted archive, and the report says so.
 */
final class MemberNames {

    /** Between an archive's name and a member's path: {@code seized/a.zip!/photos/x.jpg}. */
    static final String SEPARATOR = "!/";

    /** Either slash separates: tools on Windows write backslashes, and extractors there honour them. */
    private static final Pattern SEGMENTS = Pattern.compile("[/\\\\]");
    /** {@code C:} and the like: absolute on Windows. */
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);

    private MemberNames() {
    }

    /** Why the member named {@code path} is refused (zip slip), or null when its name is safe. */
    static String refusal(String path) {
        if (path.indexOf('\0') >= 0) {
            return "zip slip refused: NUL character in the member name";
        }
        if (isAbsolute(path)) {
            return "zip slip refused: absolute member name";
        }
        for (String segment : SEGMENTS.split(path)) {
            if (segment.equals("..")) {
                return "zip slip refused: member name climbs out of the archive with '..'";
            }
        }
        return null;
    }

    /**
     * A safe member path as the report shows it: {@code /}-separated, without empty or {@code .}
     * segments (so without a leading {@code /} or {@code ./}); empty for a path of no segments.
     */
    static String normalise(String path) {
        StringJoiner normal = new StringJoiner("/");
        for (String segment : path.split("/")) {
            if (!segment.isEmpty() && !segment.equals(".")) {
                normal.add(segment);
            }
        }
        return normal.toString();
    }

    /**
     * Whether a link at the (normalised) member path {@code path} to {@code target} stays inside the
     * archive: a symbolic link's target is relative to the link's folder, a hard link's to the archive's
     * root. Judged on the names alone, as an extractor would resolve them.
     */
    static boolean staysInside(String path, String target, boolean symbolic) {
        if (target.indexOf('\0') >= 0 || isAbsolute(target)) {
            return false;
        }
        int depth = symbolic ? (int) path.chars().filter(c -> c == '/').count() : 0;
        for (String segment : SEGMENTS.split(target)) {
            if (segment.equals("..")) {
                depth--;
                if (depth < 0) {
                    return false;
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
        }
        return true;
    }

    private static boolean isAbsolute(String path) {
        return path.startsWith("/") || path.startsWith("\\") || DRIVE.matcher(path).matches();
    }
}
