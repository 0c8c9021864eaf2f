package org.ariadne.triage.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.ariadne.hashing.metadata.MediaMetadata;
import org.ariadne.hashing.pdq.PdqHash;
import org.ariadne.hashing.pdq.PdqSignalType;
import org.ariadne.index.Match;
import org.ariadne.index.pdq.PdqIndex;
import org.ariadne.scene.SceneFeatures;
import org.ariadne.scene.Vocabulary;
import org.ariadne.scene.index.SceneIndex;
import org.ariadne.scene.index.SceneMatch;
import org.ariadne.scene.index.SceneQuery;
import org.ariadne.triage.TriageRecord;

/**
 * Puts unknown images that belong together in one group, so that a specialist reviews a series at
 * once rather than file by file: near-duplicates (PDQ within the radius), pictures of the same
 * camera body (make, model and serial number) and pictures of the same scene (a room or object seen
 * again, by local features in agreeing geometry) are linked, and links chain (a union-find).
 */
final class Groups {

    /** Files that belong together, and why, in words ("near-duplicates", "camera Canon EOS 80D #0123"). */
    record Group(List<TriageRecord> members, List<String> reasons) {
    }

    private Groups() {
    }

    /** Groups of two or more, largest first; the files linked to nothing come last, as one group without reasons. */
    static List<Group> of(List<TriageRecord> files, int radius) {
        int[] parent = new int[files.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<Integer, TreeSet<String>> reasons = new HashMap<>();
        linkNearDuplicates(files, radius, parent, reasons);
        linkCameras(files, parent, reasons);
        linkScenes(files, parent, reasons);

        Map<Integer, List<TriageRecord>> byRoot = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            byRoot.computeIfAbsent(find(parent, i), r -> new ArrayList<>()).add(files.get(i));
        }
        Map<Integer, TreeSet<String>> reasonsByRoot = new HashMap<>();
        reasons.forEach((i, why) -> reasonsByRoot.computeIfAbsent(find(parent, i), r -> new TreeSet<>()).addAll(why));
        List<Group> groups = new ArrayList<>();
        List<TriageRecord> alone = new ArrayList<>();
        byRoot.forEach((root, members) -> {
            if (members.size() == 1) {
                alone.add(members.getFirst());
            } else {
                groups.add(new Group(members, List.copyOf(reasonsByRoot.getOrDefault(root, new TreeSet<>()))));
            }
        });
        groups.sort(Comparator.comparingInt((Group g) -> -g.members().size()));
        if (!alone.isEmpty()) {
            groups.add(new Group(alone, List.of()));
        }
        return groups;
    }

    private static void linkNearDuplicates(List<TriageRecord> files, int radius, int[] parent,
                                           Map<Integer, TreeSet<String>> reasons) {
        PdqIndex index = new PdqIndex();
        List<Integer> fileOfId = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            TriageRecord r = files.get(i);
            if (r.pdq() != null && r.pdqQuality() != null && r.pdqQuality() >= PdqSignalType.MIN_USEFUL_QUALITY) {
                index.add(PdqHash.parse(r.pdq()));
                fileOfId.add(i);
            }
        }
        // Each picture as it is and turned every way: a rotated or mirrored copy is a near-duplicate too.
        for (int id = 0; id < fileOfId.size(); id++) {
            TriageRecord r = files.get(fileOfId.get(id));
            List<PdqHash> variants = new ArrayList<>();
            variants.add(index.get(id));
            r.pdqTransformed().values().forEach(hex -> variants.add(PdqHash.parse(hex)));
            for (PdqHash variant : variants) {
                for (Match m : index.search(variant, radius)) {
                    if (m.id() != id) {
                        link(parent, reasons, fileOfId.get(id), fileOfId.get(m.id()),
                                "near-duplicates (PDQ within " + radius + ", rotations and flips included)");
                    }
                }
            }
        }
    }

    /** Why pictures linked by their scene features are grouped, in the report's words. */
    static final String SAME_SCENE = "same scene (local features in agreeing geometry)";

    /**
     * Candidates verified per picture: a seized folder's pictures of one place rank first by their words
     * among a few thousand; fewer than an index's default keep the report quick.
     */
    static final int SCENE_CANDIDATES = 10;

    /** Links pictures of one scene. Mirror images are not looked for here (only the upright features are kept). */
    private static void linkScenes(List<TriageRecord> files, int[] parent, Map<Integer, TreeSet<String>> reasons) {
        SceneIndex index = new SceneIndex();
        List<Integer> fileOfId = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            SceneFeatures features = sceneOf(files.get(i));
            if (features != null && features.vocabularyId() == Vocabulary.standard().id()) {
                index.add(features);
                fileOfId.add(i);
            }
        }
        for (int id = 0; id < fileOfId.size(); id++) {
            for (SceneMatch m : index.find(SceneQuery.of(index.get(id)), SCENE_CANDIDATES, SCENE_CANDIDATES)) {
                int a = fileOfId.get(id);
                int b = fileOfId.get(m.id());
                // Pictures already grouped (near-duplicates are one scene too) need no second reason.
                if (find(parent, a) != find(parent, b)) {
                    link(parent, reasons, a, b, SAME_SCENE);
                }
            }
        }
    }

    /** The record's scene features, or null when it has none or they are unreadable (an old or edited report). */
    private static SceneFeatures sceneOf(TriageRecord r) {
        if (r.scene() == null) {
            return null;
        }
        try {
            return SceneFeatures.parse(r.scene());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void linkCameras(List<TriageRecord> files, int[] parent, Map<Integer, TreeSet<String>> reasons) {
        Map<String, Integer> firstOfCamera = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            String camera = camera(files.get(i).metadata());
            if (camera != null) {
                Integer first = firstOfCamera.putIfAbsent(camera, i);
                if (first != null) {
                    link(parent, reasons, first, i, camera);
                }
            }
        }
    }

    /** The camera body a picture names, or null when it gives no serial number (a model alone links too much). */
    static String camera(MediaMetadata m) {
        if (m.bodySerialNumber() == null || m.bodySerialNumber().isBlank()) {
            return null;
        }
        String name = String.join(" ", java.util.stream.Stream.of(m.cameraMake(), m.cameraModel())
                .filter(s -> s != null && !s.isBlank()).toList());
        return "camera " + (name.isEmpty() ? "" : name + " ") + "#" + m.bodySerialNumber().strip();
    }

    private static void link(int[] parent, Map<Integer, TreeSet<String>> reasons, int a, int b, String why) {
        reasons.computeIfAbsent(a, i -> new TreeSet<>()).add(why);
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
