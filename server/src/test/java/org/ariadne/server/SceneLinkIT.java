package org.ariadne.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pictures of one place link across agencies even when they are not near duplicates: the middle of a
 * reference photo, cropped (PDQ puts it over 100 bits away, another picture), is linked to the photo as
 * the same scene, and both agencies are alerted; an unrelated picture is not.
 */
class SceneLinkIT extends ServerIT {

    @Test
    void aCroppedDetailOfAKnownPhotoIsLinkedAsTheSameScene() {
        String owner = agencyWithUser("XA");
        long ownerCase = createCase(owner, "scene");
        long ownerSeries = createSeries(owner, ownerCase, "street corner", "all");
        Map.Entry<String, byte[]> photo = referencePhoto("reg-test-input/labelme-subset/q1050.jpg"); // no other test uploads it
        ingest(owner, ownerCase, ownerSeries, List.of(photo));

        String other = agencyWithUser("XB");
        long otherCase = createCase(other, "scene");
        long otherSeries = createSeries(other, otherCase, "detail", "all");
        ingest(other, otherCase, otherSeries, List.of(Map.entry("detail.png", TestPictures.middle(photo.getValue(), 0.7)),
                referencePhoto("misc-images/wee.jpg")));

        long original = mediaIn(ownerSeries, "q1050.jpg");
        long detail = mediaIn(otherSeries, "detail.png");
        long unrelated = mediaIn(otherSeries, "wee.jpg");
        assertThat(jdbc.sql("select count(*) from media where id in (?, ?) and scene is not null")
                .params(original, detail).query(Long.class).single()).isEqualTo(2);
        assertThat(kinds(original, detail)).containsExactly("same_scene");
        assertThat(kinds(original, unrelated)).isEmpty();
        assertThat(api.get(other, "/api/alerts").json().toString()).contains("same_scene").contains("street corner");
        assertThat(api.get(owner, "/api/alerts").json().toString()).contains("same_scene");

        // a box on the detail, around its middle, finds the photo, and says where in it
        var box = jdbc.sql("select width, height from media where id = ?").param(detail).query().singleRow();
        int w = ((Number) box.get("width")).intValue(), h = ((Number) box.get("height")).intValue();
        var hits = api.get(other, "/api/search/scene?media=" + detail + "&x=" + w / 4 + "&y=" + h / 4
                + "&width=" + w / 2 + "&height=" + h / 2).json();
        assertThat(hits.size()).as(hits.toString()).isGreaterThanOrEqualTo(1);
        var first = hits.get(0);
        assertThat(first.get("media_id").asLong()).isEqualTo(original);
        assertThat(first.get("score").asInt()).isGreaterThanOrEqualTo(15);
        // the detail's middle half is the photo's middle 35 %: the box found lies within the photo's middle
        assertThat(first.get("found_x").asDouble()).isBetween(0.2, 0.5);
        assertThat(first.get("found_width").asDouble()).isLessThan(0.45);
    }

    @Test
    void picturesTheSearcherMayNotSeeNeverCrowdOutThoseTheyMay() {
        Map.Entry<String, byte[]> photo = referencePhoto("reg-test-input/labelme-subset/q0291.jpg"); // no other test uploads it
        String searcher = agencyWithUser("XA");
        long own = seriesWith(searcher, "own copy", "owner", List.of(photo));
        long shared = hiddenCopiesAndASharedDetail(photo);

        var hits = api.get(searcher, "/api/search/scene?media=" + mediaIn(own, "q0291.jpg")).json();

        assertThat(hits.size()).as(hits.toString()).isEqualTo(1);
        assertThat(hits.get(0).get("media_id").asLong()).isEqualTo(mediaIn(shared, "detail.png"));
    }

    @Test
    void hiddenCopiesNeverCrowdOutTheSameSceneLinksOfANewPicture() {
        Map.Entry<String, byte[]> photo = referencePhoto("reg-test-input/labelme-subset/q2821.jpg"); // no other test uploads it
        long shared = hiddenCopiesAndASharedDetail(photo);

        long own = seriesWith(agencyWithUser("XA"), "new photo", "owner", List.of(photo));

        assertThat(kinds(mediaIn(own, "q2821.jpg"), mediaIn(shared, "detail.png"))).containsExactly("same_scene");
    }

    /**
     * Another agency keeps thirty close copies of the photo to itself, each a better match than the detail
     * a third agency shares with all; returns the detail's series.
     */
    private long hiddenCopiesAndASharedDetail(Map.Entry<String, byte[]> photo) {
        List<Map.Entry<String, byte[]>> copies = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            copies.add(Map.entry("copy" + i + ".png", TestPictures.middle(photo.getValue(), 0.99 - 0.004 * i)));
        }
        seriesWith(agencyWithUser("XB"), "kept copies", "owner", copies);
        return seriesWith(agencyWithUser("XC"), "shared detail", "all",
                List.of(Map.entry("detail.png", TestPictures.middle(photo.getValue(), 0.8))));
    }

    @Test
    void aBoxOnALargeJpegIsAnsweredInThatPicturesPixelsAndAFailedSearchIsAudited() {
        Map.Entry<String, byte[]> photo = referencePhoto("reg-test-input/labelme-subset/q0122.jpg"); // no other test uploads it
        String searcher = agencyWithUser("XA");
        long own = seriesWith(searcher, "large copy", "owner",
                List.of(Map.entry("large.jpg", TestPictures.enlargedJpeg(photo.getValue(), 4096))));
        long shared = seriesWith(agencyWithUser("XB"), "smaller copy", "all",
                List.of(Map.entry("smaller.jpg", TestPictures.enlargedJpeg(photo.getValue(), 2048))));
        long large = mediaIn(own, "large.jpg");

        // most of the picture (decoded at a quarter of its size): the agreeing features lie in the box
        var hits = api.get(searcher, "/api/search/scene?media=" + large + "&x=514&y=514&width=3070&height=3070").json();
        assertThat(hits.size()).as(hits.toString()).isGreaterThanOrEqualTo(1);
        assertThat(hits.get(0).get("media_id").asLong()).isEqualTo(mediaIn(shared, "smaller.jpg"));
        var region = hits.get(0).get("query_region");
        assertThat(region.get("x").asInt()).isBetween(512, 3584);
        assertThat(region.get("y").asInt()).isBetween(512, 3584);
        assertThat(region.get("x").asInt() + region.get("width").asInt()).isBetween(512, 3584 + 4);
        assertThat(region.get("width").asInt()).as("in the picture's pixels, not the decoded quarter's").isGreaterThan(1024);
        assertThat(jdbc.sql("select detail::text from audit_entry where action = 'search.scene' and target = ? order by seq desc limit 1")
                .param("media:" + large).query(String.class).single()).as("the box audited as asked")
                .contains("\"x\":514").contains("\"width\":3070");

        assertThat(api.get(searcher, "/api/search/scene?media=" + large + "&x=5000&y=10&width=10&height=10").status())
                .isEqualTo(400);
        assertThat(lastAuditOf(searcher)).containsEntry("action", "search.scene").containsEntry("outcome", "failed");
    }

    private long mediaIn(long series, String name) {
        return jdbc.sql("select media_id from submission where series_id = ? and original_path = ?")
                .params(series, name).query(Long.class).single();
    }

    private List<String> kinds(long a, long b) {
        return jdbc.sql("select kind from media_link where media_a = ? and media_b = ? order by kind")
                .params(Math.min(a, b), Math.max(a, b)).query(String.class).list();
    }
}
