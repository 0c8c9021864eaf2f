package org.ariadne.server.agencies;

import java.security.SecureRandom;
import java.util.EnumSet;
import org.ariadne.server.security.Accounts;
import org.ariadne.server.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A new database has no one who could create the first agency: on the first start, a system administrator
 * {@code admin} is made, in an operators' agency (country code ZZ, which belongs to no country), with the
 * password from {@code ARIADNE_ADMIN_PASSWORD}, or a random one printed once on the console.
 */
@Component
@Order(0)
class FirstAdministrator implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final JdbcClient jdbc;
    private final Agencies agencies;
    private final Accounts accounts;
    private final String password;

    FirstAdministrator(JdbcClient jdbc, Agencies agencies, Accounts accounts,
                       @Value("${ariadne.admin.password:}") String password) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.accounts = accounts;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        long administrators = jdbc.sql("select count(*) from app_user where 'system_admin' = any(roles)")
                .query(Long.class).single();
        if (administrators > 0) {
            return;
        }
        boolean generated = password.isBlank();
        String chosen = generated ? randomPassword() : password;
        Administration.checkPassword(chosen);
        long operators = agencies.findByName("Ariadne operators").map(Agency::id)
                .orElseGet(() -> agencies.create("ZZ", "Ariadne operators", "the administrators of this server"));
        accounts.create(operators, USERNAME, "System administrator", chosen, EnumSet.of(Role.SYSTEM_ADMIN));
        System.out.println("\nFirst start: system administrator '" + USERNAME + "' created"
                + (generated ? ", password " + chosen + " (shown once: change it with POST /api/me/password)"
                        : " with the password from ARIADNE_ADMIN_PASSWORD") + "\n");
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
