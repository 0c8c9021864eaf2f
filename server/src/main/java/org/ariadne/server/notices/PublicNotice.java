package org.ariadne.server.notices;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the public sees of a published notice in one language, for the HTML page, the PDF and the public
 * JSON alike. It is built here from an allow list of fields, so that nothing internal (identifiers other
 * than the public one, users, the agency's reference, series or media, audit) can reach a public page by a
 * field added to {@link Notice} later.
 *
 * @param name the child's given names and family name
 * @param fields the structured fields and the distinguishing marks, labelled in the language
 * @param description the free text in the language
 * @param photos the addresses of the photos' public copies
 */
public record PublicNotice(String publicId, Language language, String title, String name, List<Field> fields,
                    String descriptionLabel, String description, List<String> photos,
                           String photoLabel) {

    public record Field(String label, String value) {
    }

    /** The free text of the language, as a reader sees it. */
    public record Text(String description, String distinguishingMarks) {
    }

    static PublicNotice of(Notice notice, Text text, int photos, Language language) {
        Labels labels = Labels.of(language);
        List<Field> fields = new ArrayList<>();
        fields.add(new Field(labels.get("family_name"), notice.familyName()));
        fields.add(new Field(labels.get("given_names"), notice.givenNames()));
        fields.add(new Field(labels.get("sex"), labels.term("sex", notice.sex())));
        fields.add(new Field(labels.get("birth"), join(labels.date(notice.birthDate()),
                labels.place(notice.birthPlace(), notice.birthCountry()), language)));
        fields.add(new Field(labels.get("nationality"), notice.nationalities().isEmpty() ? labels.get("not_known")
                : notice.nationalities().stream().map(labels::country)
                        .collect(Collectors.joining(language.rightToLeft() ? "، " : ", "))));
        fields.add(new Field(labels.get("height"), measure(notice.heightCm(), labels.get("unit.cm"), labels)));
        fields.add(new Field(labels.get("weight"), measure(notice.weightKg(), labels.get("unit.kg"), labels)));
        fields.add(new Field(labels.get("eyes"), labels.term("eyes", notice.eyeColour())));
        fields.add(new Field(labels.get("hair"), labels.term("hair", notice.hairColour())));
        if (!text.distinguishingMarks().isBlank()) {
            fields.add(new Field(labels.get("marks"), text.distinguishingMarks()));
        }
        fields.add(new Field(labels.get("disappearance"), join(labels.date(notice.disappearedOn()),
                labels.place(notice.disappearedPlace(), notice.disappearedCountry()), language)));
        fields.add(new Field(labels.get("agency"), notice.agency()));
        fields.add(new Field(labels.get("contact"), notice.contact()));
        if (notice.publishedAt() != null) {
            fields.add(new Field(labels.get("published"), labels.date(notice.publishedAt().atOffset(ZoneOffset.UTC).toLocalDate())));
        }
        List<String> addresses = java.util.stream.IntStream.rangeClosed(1, photos)
                .mapToObj(n -> "/notices/" + notice.publicId() + "/photos/" + n).toList();
        return new PublicNotice(notice.publicId(), language, labels.get("title"), notice.childName(), List.copyOf(fields),
                labels.get("description"), text.description(), addresses, labels.get("photo"));
    }

    public String direction() {
        return language.rightToLeft() ? "rtl" : "ltr";
    }

    /** The other languages' pages: code to the language's own name. */
    public List<Field> languages() {
        return java.util.Arrays.stream(Language.values())
                .map(l -> new Field(l.code(), Labels.of(l).get("language"))).toList();
    }

    private static String measure(Integer value, String unit, Labels labels) {
        return value == null ? labels.get("not_known") : value + " " + unit;
    }

    private static String join(String date, String place, Language language) {
        return place.isEmpty() ? date : date + (language.rightToLeft() ? "، " : ", ") + place;
    }
}
