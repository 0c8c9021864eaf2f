/**
 * Yellow notices for missing children: an agency describes the child once, the server renders the
 * structured fields in English, French, Spanish and Arabic by itself, and translators and reviewers complete
 * the free text in each language before the notice is published.
 *
 * <ul>
 *   <li>{@link org.ariadne.server.notices.NoticeWorkflow}: the states (draft, submitted, translated, reviewed,
 *       published, then located or cancelled) and what each step needs; pure, so the rules are unit tested;</li>
 *   <li>{@link org.ariadne.server.notices.Deadline}: the 72 hours from submission to publication, in real
 *       time (instants), shown in the viewer's time zone;</li>
 *   <li>{@link org.ariadne.server.notices.Notices}: the service (owner agency only, every step audited) and
 *       {@link org.ariadne.server.notices.Notices#dashboard}, which the web UI's dashboard page reads;</li>
 *   <li>{@code NoticePhotos}: photos hashed by PDQ as ingest does, compared with every series' media, and a
 *       match alerts the notice's agency and the series' owner ({@code matching.Deconfliction});</li>
 *   <li>{@code PublicNotice}, {@code NoticePdf}: what the public sees, built field by field from an allow list
 *       (never an internal id, a user, a series or media item); the HTML page is a Thymeleaf template, the PDF
 *       shapes Arabic with ICU and lays it out right to left.</li>
 * </ul>
 *
 * <p>To add a language: a constant in {@link org.ariadne.server.notices.Language}, its
 * {@code notices/labels_xx.properties}, and the value in the database's check constraints.
 */
package org.ariadne.server.notices;
