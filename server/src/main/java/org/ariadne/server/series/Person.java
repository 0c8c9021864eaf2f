package org.ariadne.server.series;

import java.time.LocalDate;

/**
 * A victim or offender, pseudonymous: a code name, never a real one.
 *
 * @param sex {@code female}, {@code male} or {@code unknown}
 * @param ageRange e.g. {@code 6-9}
 * @param country ISO 3166-1 alpha-2, if known
 */
public record Person(String codeName, String sex, String ageRange, String country, boolean identified,
                     LocalDate identifiedAt) {
}
