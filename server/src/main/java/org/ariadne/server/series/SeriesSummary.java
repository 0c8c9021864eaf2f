package org.ariadne.server.series;

import java.time.LocalDate;

/**
 * A series as a specialist sees it: whose it is, how far identification has come, and whom to contact.
 *
 * @param identifiedByAgency name of the agency that identified the victim or offender, or null
 * @param status {@code unidentified}, {@code victim identified}, {@code offender identified} or
 *     {@code victim and offender identified}
 */
public record SeriesSummary(long id, String name, long agencyId, String agency, String agencyCountry,
                            String agencyContact, Long caseId, boolean victimIdentified, boolean offenderIdentified,
                            String identifiedByAgency, LocalDate identifiedAt, String sharing, long mediaCount) {

    public String status() {
        if (victimIdentified && offenderIdentified) {
            return "victim and offender identified";
        }
        return victimIdentified ? "victim identified" : offenderIdentified ? "offender identified" : "unidentified";
    }

    /** The status as one sentence, for alerts: "victim identified by agency X on 2025-03-01". */
    public String statusSentence() {
        String status = status();
        if (identifiedByAgency == null) {
            return status;
        }
        return status + " by " + identifiedByAgency + (identifiedAt == null ? "" : " on " + identifiedAt);
    }
}
