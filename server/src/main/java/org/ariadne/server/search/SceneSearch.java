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
     * @param region the box in the upright picture's pixels (as {@code media.width} and {@code height}
     *     count them), or null for the whole picture
     */
    public List<Matching.SceneHit> byRegion(Account account, long mediaId, Region region) {
        DecodedImage picture = pictures.picture(account, mediaId);
        int reduction = picture.reduction();
        int width = picture.luma().width();
        int height = picture.luma().height();
        Region asked = region == null ? Region.whole(width, height) : clamped(region, reduction, width, height);
        audit.record(account.actor(), "search.scene", "media:" + mediaId, Outcome.OK,
                Map.of("x", asked.x(), "y", asked.y(), "width", asked.width(), "height", asked.height()));
        return matching.sceneSearch(picture.luma(), asked, account.agencyId(), mediaId);
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
