package org.ariadne.server.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.ariadne.server.store.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** User accounts: looked up at sign-in, created by administrators and the demo. */
@Service
public class Accounts implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    /** Second-factor secrets are sealed with a key derived from the store key, never kept in clear. */
    private final SecretBox secrets;

    Accounts(JdbcClient jdbc, PasswordEncoder passwords, SecretBox secrets) {
        this.secrets = secrets;
        this.jdbc = jdbc;
        this.passwords = passwords;
        sealSecretsStoredInClear();
    }

    /**
     * Seals the second-factor secrets stored before secrets were sealed, at start-up, so that no copy of
     * the database made from then on gives them away. Each update only applies if the value is still the
     * one read (another server may be doing the same).
     */
    void sealSecretsStoredInClear() {
        for (String column : new String[] {"totp_secret", "totp_pending"}) {
            record Stored(long userId, String value) {
            }
            jdbc.sql("select id, " + column + " from app_user where " + column + " is not null")
                    .query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2))).list().stream()
                    .filter(stored -> !SecretBox.isSealed(stored.value()))
                    .forEach(clear -> jdbc.sql("update app_user set " + column + " = ? where id = ? and " + column + " = ?")
                            .params(secrets.seal(clear.value(), totpContext(clear.userId())), clear.userId(), clear.value())
                            .update());
        }
    }

    @Override
    public Account loadUserByUsername(String username) {
        return jdbc.sql("""
                        select id, agency_id, username, display_name, password_hash, roles, enabled
                        from app_user where username = ?""")
                .param(username)
                .query((rs, n) -> new Account(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), roles((String[]) rs.getArray(6).getArray()), rs.getBoolean(7)))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    /** Creates a user; the password is stored as an Argon2id hash only. Returns the user's id. */
    public long create(long agencyId, String username, String displayName, String password, Set<Role> roles) {
        String[] stored = roles.stream().map(Role::stored).sorted().toArray(String[]::new);
        return jdbc.sql("""
                        insert into app_user (agency_id, username, display_name, password_hash, roles)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(agencyId, username, displayName, passwords.encode(password), stored)
                .query(Long.class).single();
    }

    /** Long enough that Argon2 is not the weakest link; no rules on character classes (NIST SP 800-63B). */
    public static final int MIN_PASSWORD_LENGTH = 12;

    /** Sets a new password if the current one is right and the new one long enough. */
    boolean changePassword(Account account, String current, String replacement) {
        String stored = jdbc.sql("select password_hash from app_user where id = ?").param(account.id())
                .query(String.class).single();
        if (current == null || replacement == null || replacement.length() < MIN_PASSWORD_LENGTH
                || !passwords.matches(current, stored)) {
            return false;
        }
        jdbc.sql("update app_user set password_hash = ? where id = ?")
                .params(passwords.encode(replacement), account.id()).update();
        return true;
    }

    /** The user's confirmed TOTP secret (Base32), or null if they have not enrolled a second factor. */
    String totpSecret(long userId) {
        return secrets.open(jdbc.sql("select totp_secret from app_user where id = ?").param(userId)
                .query(String.class).optional().orElse(null), totpContext(userId));
    }

    /** What a user's sealed TOTP secret is bound to: it opens for that user only. */
    private static String totpContext(long userId) {
        return "totp:user:" + userId;
    }

    /**
     * Records that the code of this time step was used; false if a code of this step or a later one was
     * used already (a replay, or an older code than one already seen).
     */
    boolean useTotpStep(long userId, long step) {
        return jdbc.sql("""
                        update app_user set totp_last_step = ?
                        where id = ? and (totp_last_step is null or totp_last_step < ?)""")
                .params(step, userId, step).update() == 1;
    }

    /** Offers a new secret; it takes effect once confirmed with a code from it. */
    String offerTotp(long userId) {
        String secret = Totp.newSecret();
        jdbc.sql("update app_user set totp_pending = ? where id = ?")
                .params(secrets.seal(secret, totpContext(userId)), userId).update();
        return secret;
    }

    /** Makes the offered secret the user's second factor if the code is right; false otherwise. */
    boolean confirmTotp(long userId, String code) {
        String pending = secrets.open(jdbc.sql("select totp_pending from app_user where id = ?").param(userId)
                .query(String.class).optional().orElse(null), totpContext(userId));
        if (pending == null || !Totp.verify(pending, code, java.time.Instant.now())) {
            return false;
        }
        jdbc.sql("update app_user set totp_secret = totp_pending, totp_pending = null where id = ?").param(userId).update();
        return true;
    }

    /** The name of a user's agency, read here since the agencies feature builds on this one, not the reverse. */
    String agencyName(long agencyId) {
        return jdbc.sql("select name from agency where id = ?").param(agencyId).query(String.class).single();
    }

    /** How a sign-in through the identity provider stands to the subject the user is bound to. */
    enum Binding {
        /** First sign-in through the provider: the user is bound to this subject from now on. */
        BOUND_NOW,
        /** Bound to this subject before. */
        SAME_SUBJECT,
        /** Bound to another subject, or the subject is another user's already: refused. */
        OTHER_SUBJECT
    }

    /** Binds the user to their identity provider's subject at the first sign-in through it. */
    Binding bindOidcSubject(long userId, String subject) {
        int bound;
        try {
            bound = jdbc.sql("update app_user set oidc_subject = ? where id = ? and oidc_subject is null")
                    .params(subject, userId).update();
        } catch (DuplicateKeyException e) {
            return Binding.OTHER_SUBJECT;
        }
        if (bound == 1) {
            return Binding.BOUND_NOW;
        }
        return subject.equals(jdbc.sql("select oidc_subject from app_user where id = ?").param(userId)
                .query(String.class).single()) ? Binding.SAME_SUBJECT : Binding.OTHER_SUBJECT;
    }

    private static Set<Role> roles(String[] stored) {
        return Arrays.stream(stored).map(Role::fromStored)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}
