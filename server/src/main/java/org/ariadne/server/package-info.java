/**
 * The Ariadne server: the shared database where agencies contribute seized material in series, Ariadne
 * compares everything, and each specialist learns what is already known and by whom.
 *
 * <p>Packages are features (Spring Modulith style), each with its controllers, services and SQL inside;
 * only what other features need is public:
 * <ul>
 *   <li>{@code database}: the embedded PostgreSQL, or an external one; Flyway migrations in
 *       {@code db/migration};</li>
 *   <li>{@code security}: accounts, Argon2 passwords, login throttling, an agency's OpenID Connect
 *       provider, the current user;</li>
 *   <li>{@code audit}: the append-only, hash-chained audit log;</li>
 *   <li>{@code agencies}, {@code series}, {@code media}: the domain, each read checked against the
 *       caller's agency by {@code series.Visibility};</li>
 *   <li>{@code store}: media bytes, content-addressed and encrypted at rest;</li>
 *   <li>{@code ingest}: streamed uploads, the crash-safe background job;</li>
 *   <li>{@code matching}: exact, near-duplicate and camera links, and deconfliction alerts;</li>
 *   <li>{@code search}: by image, hash, metadata and annotation text, and the statistics;</li>
 *   <li>{@code notices}: yellow notices for missing children, in four languages, with their public pages
 *       and PDFs, and their photos matched with every series;</li>
 *   <li>{@code demo}: synthetic demo data from benign reference photos;</li>
 *   <li>{@code web}: JSON errors, OpenAPI.</li>
 * </ul>
 */
package org.ariadne.server;
