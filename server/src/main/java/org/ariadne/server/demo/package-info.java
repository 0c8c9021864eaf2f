/**
 * Synthetic demo data ({@code ariadne serve --demo}): fictional agencies with user-assigned country codes,
 * demo users, cases and series filled with the benign reference photos. No real case, victim or agency.
 */
package org.ariadne.server.demo;
