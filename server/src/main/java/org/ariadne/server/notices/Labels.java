package org.ariadne.server.notices;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The structured fields in one language, with no translator: labels and vocabularies from
 * {@code notices/labels_xx.properties}, dates and country names from the JDK's locale data. Digits stay
 * Western Arabic in every language, as in the notices' own conventions and in the dates people read out.
 */
final class Labels {

    private static final Map<Language, Labels> ALL = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            ALL.put(language, new Labels(language));
        }
    }

    private final Language language;
    private final ResourceBundle bundle;
    private final DateTimeFormatter dates;

    private Labels(Language language) {
        this.language = language;
        // no fallback to the JVM's default locale: a missing label must fail the tests, not show in English
        this.bundle = ResourceBundle.getBundle("notices.labels", language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale());
    }

    static Labels of(Language language) {
        return ALL.get(language);
    }

    String get(String key) {
        return bundle.getString(key);
    }

    /** A value of a vocabulary ({@code sex}, {@code eyes}, {@code hair}), or "not known" for none. */
    String term(String vocabulary, String value) {
        return value == null ? get("not_known") : get(vocabulary + "." + value);
    }

    String date(LocalDate date) {
        return date == null ? get("not_known") : dates.format(date);
    }

    String country(String code) {
        return code == null ? "" : Locale.of("", code).getDisplayCountry(language.locale());
    }

    /** "place, country" in this language; either may be missing. */
    String place(String place, String country) {
        String name = country(country);
        if (place == null || place.isBlank()) {
            return name;
        }
        return name.isEmpty() ? place : place + (language.rightToLeft() ? "، " : ", ") + name;
    }

    /** A vocabulary holds this value: the one definition of what a form may send. */
    boolean knows(String vocabulary, String value) {
        return bundle.containsKey(vocabulary + "." + value);
    }
}
