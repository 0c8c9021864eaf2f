package org.ariadne.server.notices;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ariadne.server.web.ApiException;

/**
 * A notice as its agency writes it: the structured fields, and the free text in the notice's own language
 * ({@code sourceLanguage}); the other languages come from translators after submission.
 */
public record NoticeForm(String reference, String familyName, String givenNames, String sex, LocalDate birthDate,
                  String birthPlace, String birthCountry, List<String> nationalities, Integer heightCm, Integer weightKg,
                  String eyeColour, String hairColour, LocalDate disappearedOn, String disappearedPlace,
                  String disappearedCountry, String contact, String sourceLanguage, String description,
                  String distinguishingMarks) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** Refuses, as a bad request, a form that could not be printed in all four languages. */
    NoticeForm validated() {
        for (String[] required : new String[][] {{reference, "reference"}, {familyName, "family_name"},
                {givenNames, "given_names"}, {contact, "contact"}, {sourceLanguage, "source_language"}}) {
            if (required[0] == null || required[0].isBlank()) {
                throw ApiException.badRequest(required[1] + " is required");
            }
        }
        if (java.util.Arrays.stream(Language.values()).noneMatch(l -> l.code().equals(sourceLanguage))) {
            throw ApiException.badRequest("source_language is one of en, fr, es, ar");
        }
        Labels labels = Labels.of(Language.EN);
        term(labels, "sex", sex);
        term(labels, "eyes", eyeColour);
        term(labels, "hair", hairColour);
        country(birthCountry, "birth_country");
        country(disappearedCountry, "disappeared_country");
        for (String nationality : nationalities()) {
            country(nationality, "nationalities");
        }
        if (birthDate != null && disappearedOn != null && disappearedOn.isBefore(birthDate)) {
            throw ApiException.badRequest("disappeared_on is before birth_date");
        }
        return this;
    }

    @Override
    public List<String> nationalities() {
        return nationalities == null ? List.of() : nationalities;
    }

    private static void term(Labels labels, String vocabulary, String value) {
        if (value != null && !labels.knows(vocabulary, value)) {
            throw ApiException.badRequest("unknown value for " + vocabulary + ": " + value);
        }
    }

    private static void country(String code, String field) {
        if (code != null && !COUNTRIES.contains(code)) {
            throw ApiException.badRequest(field + " takes ISO 3166 country codes such as FR; not " + code);
        }
    }
}
