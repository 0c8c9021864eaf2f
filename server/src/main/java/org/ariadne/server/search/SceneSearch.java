package org.ariadne.server.search;

import java.util.List;
import java.util.Map;
import org.ariadne.media.DecodedImage;
import org.ariadne.scene.Region;
import org.ariadne.server.audit.AuditLog;
import org.ariadne.server.audit.Outcome;
import org.ariadne.server.matching.Matching;
import org.ariadne.server.media.Thumbnails;
import org.ariadne.server.security.Account;
import org.ariadne.server.web.ApiException;
import org.springframework.stereotype.Service;

/**
 * Search by what a picture shows: the specialist boxes an object (a poster, a bedspread, a window) on a
 * picture they may see, and Ariadne finds the other pictures that show it, across every series the agency
 * may see, with the evidence: how many features agree and where.
 */
@Service
public class SceneSearch {

    private final Thumbnails pictures;
    private final Matching matching;
    private final AuditLog audit;

    SceneSearch(Thumbnails pictures, Matching matching, AuditLog audit) {
        this.pictures = pictures;
        this.matching = matching;
        this.audit = audit;
    }

    /**
     * @param region the box in the upright picture's pixels (as shown: {@code media.width} and
     *     {@code height} swapped for a picture turned a quarter), or null for the whole picture
     */
    public List<Matching.SceneHit> byRegion(Account account, long mediaId, Region region) {
        // a picture refused, a video or an undecodable picture: audited as the picture's reading
        DecodedImage picture = pictures.picture(account, mediaId);
        int width = picture.luma().width();
        int height = picture.luma().height();
        Region asked;
        try {
            asked = region == null ? Region.whole(width, height) : clamped(region, picture.reduction(), width, height);
        } catch (ApiException e) {
            audit.record(account.actor(), "search.scene", "media:" + mediaId, Outcome.FAILED, Map.of("reason", e.getMessage()));
            throw e;
        }
        int reduction = picture.reduction();
        audit.record(account.actor(), "search.scene", "media:" + mediaId, Outcome.OK, region == null
                ? Map.of("region", "whole")
                : Map.of("x", region.x(), "y", region.y(), "width", region.width(), "height", region.height()));
        List<Matching.SceneHit> hits = matching.sceneSearch(picture.luma(), asked, account.agencyId(), mediaId);
        // the boxes in the query, like the one asked, in the picture's pixels, not the decoded picture's
        return reduction == 1 ? hits : hits.stream().map(hit -> new Matching.SceneHit(hit.mediaId(), hit.score(),
                enlarged(hit.queryRegion(), reduction), hit.foundX(), hit.foundY(), hit.foundWidth(), hit.foundHeight()))
                .toList();
    }

    private static Region enlarged(Region region, int factor) {
        return region == null ? null
                : new Region(region.x() * factor, region.y() * factor, region.width() * factor, region.height() * factor);
    }

    /** The box in the decoded picture's pixels (the decoder may have shrunk a large one), cut to fit it. */
    private static Region clamped(Region box, int reduction, int width, int height) {
        int x = box.x() / reduction;
        int y = box.y() / reduction;
        if (x >= width || y >= height) {
            throw ApiException.badRequest("the box lies outside the picture");
        }
        return new Region(x, y, Math.max(1, Math.min(box.width() / reduction, width - x)),
                Math.max(1, Math.min(box.height() / reduction, height - y)));
    }
}
