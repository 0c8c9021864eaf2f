/**
 * The audit log: every view of media, series, victims and offenders, every search, every change and every
 * refused attempt, in an append-only table (triggers refuse updates and deletes) whose entries are
 * hash-chained ({@link org.ariadne.server.audit.AuditChain}). {@link org.ariadne.server.audit.AuditLog} appends;
 * {@link org.ariadne.server.audit.AuditVerification} (behind {@code ariadne audit verify}) finds any entry
 * altered, removed or reordered. Removing the newest entries leaves an intact, shorter chain: the
 * verification prints the last hash so that it can be compared with one kept elsewhere.
 */
package org.ariadne.server.audit;
