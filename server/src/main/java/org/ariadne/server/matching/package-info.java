/**
 * What links media across series and agencies: near duplicates by PDQ (an in-memory Hamming index over the
 * whole database, its hits filtered by what the agency may see), the same camera body, and deconfliction
 * alerts to both agencies when new material touches another agency's series.
 */
package org.ariadne.server.matching;
