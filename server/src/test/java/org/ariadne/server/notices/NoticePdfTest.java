package org.ariadne.server.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/**
 * The Arabic PDF read back as a reader's software reads it: its text, extracted, is the logical Arabic
 * written, and the glyphs in the file are the joined (presentation) forms in right-to-left display order,
 * not isolated letters in typing order.
 */
class NoticePdfTest {

    /** Synthetic: "Last seen near the railway station wearing a red coat; she does not carry a telephone." */
    static final String ARABIC_DESCRIPTION = "شوهدت آخر مرة قرب محطة القطار وهي ترتدي معطفا أحمر، ولا تحمل هاتفا";

    static final Path FONTS = Path.of(System.getProperty("ariadne.notices.fonts", "/usr/share/fonts/truetype/noto"));

    static Notice syntheticNotice() {
        return new Notice(7, "public-id-for-test", 3, "Synthetic agency (XA)", "YN-INTERNAL-1", "published",
                "Haddad", "Amina", "female", LocalDate.of(2016, 5, 14), "Lyon", "FR", List.of("FR", "MA"), 121, 23,
                "brown", "black", LocalDate.of(2026, 3, 27), "Marseille", "FR", "+33 1 00 00 00 00", "fr",
                Instant.parse("2026-03-27T10:00:00Z"), Instant.parse("2026-03-27T12:00:00Z"),
                Instant.parse("2026-03-29T09:00:00Z"), null);
    }

    @Test
    void arabicTextIsExtractedInLogicalOrderFromShapedGlyphs() throws IOException {
        PublicNotice notice = PublicNotice.of(syntheticNotice(), new PublicNotice.Text(ARABIC_DESCRIPTION, ""), 0,
                Language.AR);

        byte[] pdf = new NoticePdf(FONTS).render(notice, List.of());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            Glyphs glyphs = new Glyphs();
            String text = glyphs.getText(document);
            assertThat(Normalizer.normalize(text, Normalizer.Form.NFKC)).contains(ARABIC_DESCRIPTION)
                    .contains("الجنس: أنثى").contains("Amina");
            String line = glyphs.lineContaining(ARABIC_DESCRIPTION.length());
            // shaped: every letter of the description line is a presentation form, and lam-alef is one ligature
            assertThat(line.codePoints().filter(c -> c >= 0x0621 && c <= 0x064A)).as("unshaped letters").isEmpty();
            assertThat(line).contains("\uFEFB"); // lam-alef, isolated form (after waw, which does not join)
            // ordered: read right to left, the glyphs spell the shaped text in logical order
            String rightToLeft = new StringBuilder(line).reverse().toString();
            assertThat(rightToLeft).isEqualTo(NoticePdf.shape(ARABIC_DESCRIPTION));
            // a phone number keeps its left-to-right order within the right-to-left line
            assertThat(glyphs.lines()).anySatisfy(l -> assertThat(l).contains("+33 1 00 00 00 00"));
        }
    }

    @Test
    void latinLanguagesAreLaidOutLeftToRight() throws IOException {
        PublicNotice notice = PublicNotice.of(syntheticNotice(),
                new PublicNotice.Text("Vue pour la dernière fois près de la gare.", "Cicatrice au genou gauche"), 0,
                Language.FR);

        byte[] pdf = new NoticePdf(FONTS).render(notice, List.of());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Vue pour la dernière fois près de la gare.").contains("Sexe: Féminin")
                    .contains("Signes particuliers: Cicatrice au genou gauche").contains("Nationalité: France, Maroc");
        }
    }

    /** The glyphs as stored, line by line in left-to-right position order, before any normalisation. */
    private static final class Glyphs extends PDFTextStripper {

        private final List<List<TextPosition>> lines = new ArrayList<>();
        private float lastY = Float.NaN;

        Glyphs() throws IOException {
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            if (lines.isEmpty() || Math.abs(text.getYDirAdj() - lastY) > 1) {
                lines.add(new ArrayList<>());
                lastY = text.getYDirAdj();
            }
            lines.getLast().add(text);
            super.processTextPosition(text);
        }

        /** Each line's glyphs' Unicode values, sorted by x: the order a reader's eye meets them left to right. */
        List<String> lines() {
            return lines.stream()
                    .map(line -> {
                        StringBuilder s = new StringBuilder();
                        line.stream().sorted(Comparator.comparing(TextPosition::getXDirAdj))
                                .forEach(p -> s.append(p.getUnicode()));
                        return s.toString();
                    })
                    .toList();
        }

        /** The longest line at least half this long. */
        String lineContaining(int minimumLength) {
            return lines().stream().filter(s -> s.length() >= minimumLength / 2).max(Comparator.comparing(String::length))
                    .orElseThrow();
        }
    }
}
