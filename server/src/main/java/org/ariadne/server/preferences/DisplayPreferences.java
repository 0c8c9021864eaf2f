package org.ariadne.server.preferences;

/**
 * How a user wants media shown.
 *
 * @param breakReminderMinutes the user's own break reminder, or null for the server's default
 * @param breakAfterMinutes the reminder that applies: the user's own, else the server's default (read only)
 */
public record DisplayPreferences(boolean blurThumbnails, boolean greyscaleThumbnails, Integer breakReminderMinutes,
                                 int breakAfterMinutes) {
}
