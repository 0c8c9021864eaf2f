package org.ariadne.server.notices;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A notice as its own agency sees it (internal: it carries identifiers and the agency's reference). The
 * public sees a {@link PublicNotice}, built from it field by field.
 *
 * @param publicId the random identifier of the public pages
 * @param reference the agency's own file number
 * @param agency the requesting agency's name (published)
 * @param contact whom the public should tell (published)
 */
public record Notice(long id, String publicId, long agencyId, String agency, String reference, String state,
                     String familyName, String givenNames, String sex, LocalDate birthDate, String birthPlace,
                     String birthCountry, List<String> nationalities, Integer heightCm, Integer weightKg,
                     String eyeColour, String hairColour, LocalDate disappearedOn, String disappearedPlace,
                     String disappearedCountry, String contact, String sourceLanguage, Instant createdAt,
                     Instant submittedAt, Instant publishedAt, Instant closedAt) {

    public Notice {
        nationalities = List.copyOf(nationalities);
    }

    NoticeState workflowState() {
        return NoticeState.fromStored(state);
    }

    String childName() {
        return givenNames + " " + familyName;
    }
}
