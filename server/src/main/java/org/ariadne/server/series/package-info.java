/**
 * Cases and series, and who may see them ({@link org.ariadne.server.series.Visibility}, the one definition
 * of sharing): status (victim or offender identified, by which agency, when), sharing, comments, and the
 * pseudonymous victim and offender records. Reads of another agency's unshared series are answered as not
 * found and audited as refused.
 */
package org.ariadne.server.series;
