package org.ariadne.server.notices;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.ariadne.hashing.MediaHasher;
import org.ariadne.hashing.MediaRecord;
import org.ariadne.hashing.pdq.PdqHash;
import org.ariadne.media.DecodeLimits;
import org.ariadne.server.matching.Deconfliction;
import org.ariadne.server.matching.Matching;
import org.ariadne.server.store.MediaStore;
import org.ariadne.server.web.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A notice's photos: hashed by PDQ as ingest hashes media (the same hasher and decoding limits), the
 * original kept encrypted in the media store, a public copy made without metadata, and each photo compared
 * with every series' media at once, so that a missing child who appears in seized material is flagged to
 * both agencies the moment the notice is written.
 */
@Component
class NoticePhotos {

    /** A phone's photo is a few megabytes; twenty leaves room for a scanned print. */
    static final int MAX_BYTES = 20 << 20;
    /** A notice shows a few recent photos; more belong in the case file. */
    static final int MAX_PHOTOS = 6;
    /** The public copy's longer side: sharp at the PDF's photo size when printed, small enough to serve. */
    static final int PUBLIC_SIDE = 800;

    private final JdbcClient jdbc;
    private final MediaStore store;
    private final Matching matching;
    private final Deconfliction deconfliction;

    NoticePhotos(JdbcClient jdbc, MediaStore store, Matching matching, Deconfliction deconfliction) {
        this.jdbc = jdbc;
        this.store = store;
        this.matching = matching;
        this.deconfliction = deconfliction;
    }

    /** What came of a photo: its place, its PDQ quality, and how many alerts it raised for the notice's agency. */
    record Added(int position, int quality, int alerts) {
    }

    Added add(Notice notice, String name, byte[] bytes) {
        int count = jdbc.sql("select count(*) from notice_photo where notice_id = ?").param(notice.id())
                .query(Integer.class).single();
        if (count >= MAX_PHOTOS) {
            throw ApiException.badRequest("a notice has at most " + MAX_PHOTOS + " photos");
        }
        MediaRecord record = new MediaHasher(DecodeLimits.DEFAULT).hash(name, bytes, bytes.length);
        BufferedImage image = record.pdq() == null || record.video() != null ? null : decode(bytes);
        if (image == null) {
            throw ApiException.badRequest("the photo must be a JPEG or PNG picture"
                    + (record.error() == null ? "" : " (" + record.error() + ")"));
        }
        byte[] publicCopy = publicCopy(image, record.orientation() == null ? 1 : record.orientation());
        String sha256 = record.fileSignal("sha256");
        String publicSha256 = HexFormat.of().formatHex(sha256(publicCopy));
        try {
            store.put(sha256, new ByteArrayInputStream(bytes));
            store.put(publicSha256, new ByteArrayInputStream(publicCopy));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int position = count + 1;
        int quality = record.pdq().quality();
        boolean added = jdbc.sql("""
                        insert into notice_photo (notice_id, position, sha256, public_sha256, pdq, pdq_quality)
                        values (?, ?, ?, ?, ?, ?) on conflict (notice_id, sha256) do nothing""")
                .params(notice.id(), position, sha256, publicSha256, record.pdq().hash().hex(), quality).update() > 0;
        if (!added) {
            throw ApiException.badRequest("the notice has this photo already");
        }
        // rotations and flips too, as ingest matches them: a mirrored copy is the same child
        List<PdqHash> variants = quality >= Matching.MIN_PDQ_QUALITY ? record.pdq().dihedral() : List.of();
        int alerts = deconfliction.raiseForNotice(
                new Deconfliction.NoticePhoto(notice.id(), notice.reference(), notice.agencyId(), position),
                variants.isEmpty() ? java.util.Map.of() : matching.nearDuplicatesAnywhere(variants));
        return new Added(position, quality, alerts);
    }

    List<NoticeView.Photo> list(long noticeId) {
        return jdbc.sql("select position, pdq_quality from notice_photo where notice_id = ? order by position")
                .param(noticeId).query(NoticeView.Photo.class).list();
    }

    int count(long noticeId) {
        return jdbc.sql("select count(*) from notice_photo where notice_id = ?").param(noticeId).query(Integer.class).single();
    }

    /** The public copy of a photo (JPEG, no metadata), if the notice has one at that place. */
    Optional<byte[]> publicCopy(long noticeId, int position) {
        return jdbc.sql("select public_sha256 from notice_photo where notice_id = ? and position = ?")
                .params(noticeId, position).query(String.class).optional().map(this::read);
    }

    List<byte[]> publicCopies(long noticeId) {
        return jdbc.sql("select public_sha256 from notice_photo where notice_id = ? order by position")
                .param(noticeId).query(String.class).list().stream().map(this::read).toList();
    }

    private byte[] read(String sha256) {
        try (InputStream in = store.open(sha256)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decoded only after the hasher has read it within its limits, so a decompression bomb never gets here. */
    private static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * A copy to publish: upright (EXIF orientation applied, as the hasher did), at most {@link #PUBLIC_SIDE}
     * pixels, re-encoded as JPEG so that no metadata of the original (place, camera, software) goes public.
     */
    static byte[] publicCopy(BufferedImage image, int orientation) {
        boolean quarterTurn = orientation == 6 || orientation == 8;
        int width = quarterTurn ? image.getHeight() : image.getWidth();
        int height = quarterTurn ? image.getWidth() : image.getHeight();
        double scale = Math.min(1.0, (double) PUBLIC_SIDE / Math.max(width, height));
        int w = Math.max(1, (int) Math.round(width * scale));
        int h = Math.max(1, (int) Math.round(height * scale));
        BufferedImage copy = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = copy.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, h);
            AffineTransform transform = new AffineTransform();
            transform.scale(scale, scale);
            switch (orientation) { // EXIF 3: upside down; 6: turn right; 8: turn left
                case 3 -> transform.rotate(Math.PI, image.getWidth() / 2.0, image.getHeight() / 2.0);
                case 6 -> {
                    transform.translate(image.getHeight(), 0);
                    transform.rotate(Math.PI / 2);
                }
                case 8 -> {
                    transform.translate(0, image.getWidth());
                    transform.rotate(-Math.PI / 2);
                }
                default -> { }
            }
            g.drawImage(image, transform, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(copy, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
