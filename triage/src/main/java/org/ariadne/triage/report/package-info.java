/**
 * The reports a triage run leaves in its output folder, all written from the journal
 * ({@code report.jsonl}) once every file has its record: {@code summary.json} (counts by verdict,
 * category and series, and the speed of the run), {@code report.html} (for a person: the known series,
 * then the unknown images grouped by near-duplicate and by camera, thumbnails blurred until revealed),
 * and {@code contribution.json} (the unknown and similar files as VICS 2.0, ready to contribute).
 *
 * <p>Because each is made from the journal alone, a resumed run's reports cover the whole job.
 */
package org.ariadne.triage.report;
