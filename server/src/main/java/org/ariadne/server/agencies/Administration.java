package org.ariadne.server.agencies;

import java.util.Map;
import java.util.Set;
import org.ariadne.server.audit.AuditLog;
import org.ariadne.server.audit.Outcome;
import org.ariadne.server.security.Account;
import org.ariadne.server.security.Accounts;
import org.ariadne.server.security.Role;
import org.ariadne.server.web.ApiException;
import org.springframework.stereotype.Service;

/**
 * Who may create whom: system administrators create agencies and users of any agency; an agency
 * administrator creates users of their own agency only, and never a system administrator.
 */
@Service
public class Administration {

    private final Agencies agencies;
    private final Accounts accounts;
    private final AuditLog audit;

    Administration(Agencies agencies, Accounts accounts, AuditLog audit) {
        this.agencies = agencies;
        this.accounts = accounts;
        this.audit = audit;
    }

    public Agency createAgency(Account account, String country, String name, String contact) {
        account.require(Role.SYSTEM_ADMIN);
        if (country == null || !country.matches("[A-Z]{2}") || blank(name) || blank(contact)) {
            throw ApiException.badRequest("country (ISO 3166-1 alpha-2, upper case), name and contact are required");
        }
        if (agencies.findByName(name).isPresent()) {
            throw ApiException.badRequest("an agency of that name exists");
        }
        long id = agencies.create(country, name, contact);
        audit.record(account.actor(), "agency.create", "agency:" + id, Outcome.OK, Map.of("name", name));
        return agencies.find(id).orElseThrow();
    }

    public long createUser(Account account, long agencyId, String username, String displayName, String password,
                           Set<Role> roles) {
        account.require(Role.SYSTEM_ADMIN, Role.AGENCY_ADMIN);
        boolean system = account.has(Role.SYSTEM_ADMIN);
        if (!system && agencyId != account.agencyId() || agencies.find(agencyId).isEmpty()) {
            audit.record(account.actor(), "user.create", "agency:" + agencyId, Outcome.REFUSED);
            throw ApiException.notFound("agency " + agencyId);
        }
        if (!system && roles.contains(Role.SYSTEM_ADMIN)) {
            throw ApiException.forbidden("only a system administrator makes another");
        }
        if (blank(username) || !username.matches("[A-Za-z0-9._@-]{2,64}") || roles.isEmpty()) {
            throw ApiException.badRequest("a user name of 2-64 letters, digits or ._@- and at least one role");
        }
        checkPassword(password);
        try {
            accounts.loadUserByUsername(username);
            throw ApiException.badRequest("that user name is taken");
        } catch (org.springframework.security.core.userdetails.UsernameNotFoundException free) {
            // as it should be
        }
        long id = accounts.create(agencyId, username, blank(displayName) ? username : displayName, password, roles);
        audit.record(account.actor(), "user.create", "user:" + id, Outcome.OK,
                Map.of("agency", agencyId, "roles", roles.stream().map(Role::stored).sorted().toList()));
        return id;
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < Accounts.MIN_PASSWORD_LENGTH) {
            throw ApiException.badRequest("a password needs at least " + Accounts.MIN_PASSWORD_LENGTH + " characters");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
