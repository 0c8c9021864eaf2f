/**
 * Each user's display preferences, for the wellness of people who review abusive material all day:
 * thumbnails blurred and in grey unless they ask otherwise, and a reminder to take a break after a
 * number of minutes (their own, or the server's default). {@link org.ariadne.server.preferences.UserPreferences}
 * is what the web pages call; the pages apply blur and grey themselves, so a thumbnail is the same bytes
 * for everyone and is cached once.
 */
package org.ariadne.server.preferences;
