package org.ariadne.server.matching;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ariadne.hashing.pdq.PdqHash;
import org.ariadne.hashing.vpdq.VpdqHash;
import org.ariadne.index.Match;
import org.ariadne.index.pdq.PdqIndex;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every picture's PDQ and every video's frames' PDQs in one in-memory Hamming index (an entry names its media
 * item, so a video has many), to find near duplicates across the whole database at once; which of them a caller may see is decided afterwards, in SQL. Filled from the database when the
 * server starts, then as media arrive.
 */
@Component
class NearDuplicateIndex {

    private final PdqIndex index = new PdqIndex();
    /** The media id of each index entry (index ids are dense, from 0). */
    private long[] mediaIds = new long[1024];

    NearDuplicateIndex(JdbcClient jdbc) {
        jdbc.sql("select id, pdq, pdq_quality, vpdq from media where pdq is not null or vpdq is not null order by id")
                .query(rs -> {
                    long id = rs.getLong(1);
                    if (rs.getString(2) != null && rs.getInt(3) >= Matching.MIN_PDQ_QUALITY) {
                        add(id, PdqHash.parse(rs.getString(2)));
                    }
                    if (rs.getString(4) != null) {
                        for (PdqHash frame : Matching.usefulFrames(VpdqHash.parse(rs.getString(4)))) {
                            add(id, frame);
                        }
                    }
                });
    }

    synchronized void add(long mediaId, PdqHash hash) {
        int id = index.add(hash);
        if (id >= mediaIds.length) {
            mediaIds = Arrays.copyOf(mediaIds, Math.max(id + 1, mediaIds.length * 2));
        }
        mediaIds[id] = mediaId;
    }

    /**
     * Media within {@code radius} of any of the hashes (a picture and its rotations and flips): media id to
     * the least distance.
     */
    Map<Long, Integer> near(List<PdqHash> hashes, int radius) {
        long[] ids;
        synchronized (this) {
            ids = mediaIds;
        }
        Map<Long, Integer> found = new HashMap<>();
        for (PdqHash hash : hashes) {
            for (Match match : index.search(hash, radius)) {
                if (match.id() < ids.length) {
                    found.merge(ids[match.id()], match.distance(), Math::min);
                }
            }
        }
        return found;
    }
}
