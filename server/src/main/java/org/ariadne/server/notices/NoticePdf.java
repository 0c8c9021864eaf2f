package org.ariadne.server.notices;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A notice as a one-language PDF, to print and to send. PDFBox draws glyphs as it is given them, so Arabic
 * is prepared here: ICU joins the letters into their contextual forms (the presentation forms, which the
 * Noto Naskh Arabic font maps, lam-alef ligatures included), then orders each line for display right to
 * left, numbers and Latin names kept left to right within it. Each line is set in runs: Arabic letters in
 * Noto Naskh Arabic, everything else in Noto Sans (both from Debian's fonts-noto-core).
 */
@Component
class NoticePdf {

    /** A4 with 50-point margins: printable on A4 and, narrower, on US Letter. */
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 50;
    private static final float TITLE_SIZE = 18;
    private static final float NAME_SIZE = 16;
    private static final float BODY_SIZE = 11;
    /** Naskh has tall ascenders and deep descenders: lines need more room than Latin's usual 1.2. */
    private static final float LEADING = 1.6f;
    /** Up to three photos side by side, each within this box (points). */
    private static final int PHOTOS_SHOWN = 3;
    private static final float PHOTO_WIDTH = 150;
    private static final float PHOTO_HEIGHT = 190;

    private static final String LEFT_TO_RIGHT_ISOLATE = "\u2066";
    private static final String POP_DIRECTIONAL_ISOLATE = "\u2069";

    private static final String ARABIC_FONT = "NotoNaskhArabic-Regular.ttf";
    private static final String LATIN_FONT = "NotoSans-Regular.ttf";

    private final Path fonts;

    NoticePdf(@Value("${ariadne.notices.fonts:/usr/share/fonts/truetype/noto}") Path fonts) {
        this.fonts = fonts;
    }

    /** The notice as PDF; {@code photos} are the public copies of its photos (JPEG), in order. */
    byte[] render(PublicNotice notice, List<byte[]> photos) {
        try (PDDocument document = new PDDocument()) {
            document.getDocumentCatalog().setLanguage(notice.language().code());
            document.getDocumentInformation().setTitle(notice.title() + " - " + notice.name());
            Sheet sheet = new Sheet(document, notice.language().rightToLeft(), font(document, ARABIC_FONT),
                    font(document, LATIN_FONT));
            try {
                sheet.paragraph(notice.title(), TITLE_SIZE);
                sheet.paragraph(notice.name(), NAME_SIZE);
                sheet.photos(photos.stream().limit(PHOTOS_SHOWN).toList());
                for (PublicNotice.Field field : notice.fields()) {
                    sheet.paragraph(field.label() + ": " + sheet.isolated(field.value()), BODY_SIZE);
                }
                sheet.gap();
                sheet.paragraph(notice.descriptionLabel(), NAME_SIZE);
                for (String paragraph : notice.description().split("\\R+")) {
                    sheet.paragraph(paragraph, BODY_SIZE);
                }
            } finally {
                sheet.close();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PDFont font(PDDocument document, String name) throws IOException {
        Path file = fonts.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the font " + file + " is missing: install Debian's fonts-noto-core, or set"
                    + " ariadne.notices.fonts to a folder that holds " + ARABIC_FONT + " and " + LATIN_FONT);
        }
        return PDType0Font.load(document, new ByteArrayInputStream(Files.readAllBytes(file)), true);
    }

    /** The letters of a line joined as Arabic writes them (contextual forms, lam-alef ligatures), still in logical order. */
    static String shape(String logical) {
        try {
            return new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.LENGTH_GROW_SHRINK
                    | ArabicShaping.TEXT_DIRECTION_LOGICAL).shape(logical);
        } catch (ArabicShapingException e) {
            throw new IllegalArgumentException("cannot shape: " + logical, e);
        }
    }

    /** A shaped line in display order, left to right, for a paragraph of the given direction. */
    static String visual(String shaped, boolean rightToLeft) {
        Bidi bidi = new Bidi();
        bidi.setPara(shaped, rightToLeft ? Bidi.RTL : Bidi.LTR, null);
        return bidi.writeReordered(Bidi.DO_MIRRORING | Bidi.REMOVE_BIDI_CONTROLS);
    }

    static boolean arabic(int codePoint) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(codePoint);
        return block == Character.UnicodeBlock.ARABIC || block == Character.UnicodeBlock.ARABIC_SUPPLEMENT
                || block == Character.UnicodeBlock.ARABIC_PRESENTATION_FORMS_A
                || block == Character.UnicodeBlock.ARABIC_PRESENTATION_FORMS_B;
    }

    /** The pages being written: where the next line goes, and in which fonts. */
    private static final class Sheet {

        private final PDDocument document;
        private final boolean rightToLeft;
        private final PDFont arabicFont;
        private final PDFont latinFont;
        private final Map<Integer, PDFont> fontOf = new HashMap<>();
        private PDPageContentStream content;
        private float y;

        Sheet(PDDocument document, boolean rightToLeft, PDFont arabicFont, PDFont latinFont) throws IOException {
            this.document = document;
            this.rightToLeft = rightToLeft;
            this.arabicFont = arabicFont;
            this.latinFont = latinFont;
            newPage();
        }

        /** One paragraph, wrapped at word boundaries to the text width. */
        void paragraph(String logical, float size) throws IOException {
            float width = PAGE.getWidth() - 2 * MARGIN;
            StringBuilder line = new StringBuilder();
            for (String word : logical.strip().split("\\s+")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && width(visual(shape(candidate), rightToLeft), size) > width) {
                    line(line.toString(), size);
                    line.setLength(0);
                    line.append(word);
                } else {
                    line.setLength(0);
                    line.append(candidate);
                }
            }
            line(line.toString(), size);
        }

        /**
         * In a right-to-left notice, a value without Arabic letters (a phone number, an address, a name in
         * Latin letters) is isolated as left to right, so that "+33 1 00 00 00 00" keeps its order instead
         * of being read as numbers from right to left; HTML's {@code <bdi>} does the same on the page.
         */
        String isolated(String value) {
            boolean hasRightToLeft = value.codePoints().anyMatch(c -> {
                byte direction = Character.getDirectionality(c);
                return direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                        || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
            });
            return rightToLeft && !hasRightToLeft ? LEFT_TO_RIGHT_ISOLATE + value + POP_DIRECTIONAL_ISOLATE : value;
        }

        void gap() {
            y -= BODY_SIZE;
        }

        void photos(List<byte[]> photos) throws IOException {
            if (photos.isEmpty()) {
                return;
            }
            room(PHOTO_HEIGHT + 2 * BODY_SIZE);
            y -= BODY_SIZE; // clear of the descenders of the line above
            float x = rightToLeft ? PAGE.getWidth() - MARGIN : MARGIN;
            for (int i = 0; i < photos.size(); i++) {
                PDImageXObject image = JPEGFactory.createFromByteArray(document, photos.get(i));
                float scale = Math.min(PHOTO_WIDTH / image.getWidth(), PHOTO_HEIGHT / image.getHeight());
                float w = image.getWidth() * scale;
                float h = image.getHeight() * scale;
                float left = rightToLeft ? x - w : x;
                content.drawImage(image, left, y - h, w, h);
                x = rightToLeft ? left - BODY_SIZE : left + w + BODY_SIZE;
            }
            y -= PHOTO_HEIGHT + BODY_SIZE;
        }

        void close() throws IOException {
            content.close();
        }

        private void line(String logical, float size) throws IOException {
            String visual = visual(shape(logical), rightToLeft);
            room(size * LEADING);
            y -= size * LEADING;
            float x = rightToLeft ? PAGE.getWidth() - MARGIN - width(visual, size) : MARGIN;
            for (Run run : runs(visual)) {
                content.beginText();
                content.setFont(run.font(), size);
                content.newLineAtOffset(x, y);
                content.showText(run.text());
                content.endText();
                x += run.font().getStringWidth(run.text()) / 1000 * size;
            }
        }

        private void room(float needed) throws IOException {
            if (y - needed < MARGIN) {
                content.close();
                newPage();
            }
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PAGE.getHeight() - MARGIN;
        }

        private float width(String visual, float size) throws IOException {
            float width = 0;
            for (Run run : runs(visual)) {
                width += run.font().getStringWidth(run.text()) / 1000 * size;
            }
            return width;
        }

        private record Run(PDFont font, String text) {
        }

        /** The line cut where the font changes; a character neither font has becomes a question mark. */
        private List<Run> runs(String visual) {
            List<Run> runs = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            PDFont current = null;
            for (int i = 0; i < visual.length(); ) {
                int codePoint = visual.codePointAt(i);
                i += Character.charCount(codePoint);
                PDFont font = fontOf.computeIfAbsent(codePoint, this::fontFor);
                String glyph = font == null ? "?" : new String(Character.toChars(codePoint));
                font = font == null ? latinFont : font;
                if (font != current && !text.isEmpty()) {
                    runs.add(new Run(current, text.toString()));
                    text.setLength(0);
                }
                current = font;
                text.append(glyph);
            }
            if (!text.isEmpty()) {
                runs.add(new Run(current, text.toString()));
            }
            return runs;
        }

        private PDFont fontFor(int codePoint) {
            PDFont first = arabic(codePoint) ? arabicFont : latinFont;
            PDFont second = first == arabicFont ? latinFont : arabicFont;
            return has(first, codePoint) ? first : has(second, codePoint) ? second : null;
        }

        private static boolean has(PDFont font, int codePoint) {
            try {
                font.encode(new String(Character.toChars(codePoint)));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false; // the font has no glyph for it
            }
        }
    }
}
