/**
 * Ingest: uploads are streamed to a spool folder and recorded as an ingest job in one transaction, then
 * background workers hash, store, submit, link and deconflict each file, one transaction per file, so that
 * a server killed mid-ingest resumes on restart with nothing lost or counted twice. Archives are walked
 * with the field triage's limits (zip slip, links, bombs refused and reported).
 */
package org.ariadne.server.ingest;
