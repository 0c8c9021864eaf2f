package org.ariadne.server.preferences;

import java.util.HashMap;
import java.util.Map;
import org.ariadne.server.audit.AuditLog;
import org.ariadne.server.audit.Outcome;
import org.ariadne.server.security.Account;
import org.ariadne.server.web.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads and changes the signed-in user's {@link DisplayPreferences}; changes are audited. */
@Service
public class UserPreferences {

    /**
     * The break reminder when neither the user nor the administrator set one: fifty minutes, so that a
     * reviewer stops at least once an hour; an organisation with its own welfare rule sets the property.
     */
    public static final int DEFAULT_BREAK_AFTER_MINUTES = 50;

    /** A reminder sooner than this would interrupt more than it helps. */
    public static final int MIN_BREAK_MINUTES = 5;

    /** A whole working day: a longer interval is no reminder at all. */
    public static final int MAX_BREAK_MINUTES = 480;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final int defaultBreakMinutes;

    UserPreferences(JdbcClient jdbc, AuditLog audit,
                    @Value("${ariadne.wellness.break-after-minutes:" + DEFAULT_BREAK_AFTER_MINUTES + "}") int defaultBreakMinutes) {
        if (defaultBreakMinutes < MIN_BREAK_MINUTES || defaultBreakMinutes > MAX_BREAK_MINUTES) {
            throw new IllegalArgumentException("ariadne.wellness.break-after-minutes must be " + MIN_BREAK_MINUTES
                    + " to " + MAX_BREAK_MINUTES + ": " + defaultBreakMinutes);
        }
        this.jdbc = jdbc;
        this.audit = audit;
        this.defaultBreakMinutes = defaultBreakMinutes;
    }

    public DisplayPreferences of(Account account) {
        return jdbc.sql("select blur_thumbnails, greyscale_thumbnails, break_reminder_minutes from app_user where id = ?")
                .param(account.id())
                .query((rs, n) -> {
                    Integer own = (Integer) rs.getObject(3);
                    return new DisplayPreferences(rs.getBoolean(1), rs.getBoolean(2), own,
                            own == null ? defaultBreakMinutes : own);
                })
                .single();
    }

    /** Replaces the user's preferences (a null break reminder means the server's default); returns them as stored. */
    public DisplayPreferences update(Account account, boolean blurThumbnails, boolean greyscaleThumbnails,
                                     Integer breakReminderMinutes) {
        if (breakReminderMinutes != null
                && (breakReminderMinutes < MIN_BREAK_MINUTES || breakReminderMinutes > MAX_BREAK_MINUTES)) {
            throw ApiException.badRequest("break_reminder_minutes must be " + MIN_BREAK_MINUTES + " to "
                    + MAX_BREAK_MINUTES + ", or null for the server's default");
        }
        jdbc.sql("""
                        update app_user set blur_thumbnails = ?, greyscale_thumbnails = ?, break_reminder_minutes = ?
                        where id = ?""")
                .params(blurThumbnails, greyscaleThumbnails, breakReminderMinutes, account.id()).update();
        Map<String, Object> detail = new HashMap<>();
        detail.put("blur_thumbnails", blurThumbnails);
        detail.put("greyscale_thumbnails", greyscaleThumbnails);
        detail.put("break_reminder_minutes", breakReminderMinutes);
        audit.record(account.actor(), "preferences.update", "user:" + account.id(), Outcome.OK, detail);
        return of(account);
    }
}
