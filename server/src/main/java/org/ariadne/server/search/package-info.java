/**
 * Search and figures, always within what the caller's agency may see and always audited with the terms:
 * by image (exact and near-duplicate hits, rotations and flips included), by hash, by camera and date, by
 * annotation text; and statistics (identified victims by country and year, series, media, offenders).
 */
package org.ariadne.server.search;
