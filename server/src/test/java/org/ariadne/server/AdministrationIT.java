package org.ariadne.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** From an empty database to working users: the first administrator, agencies, users, passwords. */
class AdministrationIT extends ServerIT {

    @Test
    void theFirstAdministratorCreatesAnAgencyWhoseAdministratorCreatesItsUsers() {
        Api.Answer agency = api.post("admin", "/api/agencies",
                Map.of("country", "XD", "name", "Western Demo Office", "contact", "desk@xd.example"));
        assertThat(agency.status()).as(agency.toString()).isEqualTo(201);
        long id = agency.json().get("id").asLong();
        Api.Answer boss = api.post("admin", "/api/agencies/" + id + "/users", Map.of("username", "xd-boss",
                "password", PASSWORD, "roles", List.of("agency_admin", "specialist")));
        assertThat(boss.status()).as(boss.toString()).isEqualTo(201);

        Api.Answer colleague = api.post("xd-boss", "/api/agencies/" + id + "/users",
                Map.of("username", "xd-contrib", "password", PASSWORD, "roles", List.of("contributor")));
        assertThat(colleague.status()).as(colleague.toString()).isEqualTo(201);
        assertThat(api.get("xd-contrib", "/api/me").json().get("agency").get("name").asString())
                .isEqualTo("Western Demo Office");
        assertThat(lastAuditOf("xd-boss")).containsEntry("action", "user.create").containsEntry("outcome", "ok");

        // an agency administrator makes no system administrator, and no user of another agency
        assertThat(api.post("xd-boss", "/api/agencies/" + id + "/users", Map.of("username", "xd-root",
                "password", PASSWORD, "roles", List.of("system_admin"))).status()).isEqualTo(403);
        long other = accounts.loadUserByUsername(agencyWithUser("XE")).agencyId();
        Api.Answer intrusion = api.post("xd-boss", "/api/agencies/" + other + "/users",
                Map.of("username", "mole", "password", PASSWORD, "roles", List.of("specialist")));
        assertThat(intrusion.status()).isEqualTo(404);
        assertThat(lastAuditOf("xd-boss")).containsEntry("action", "user.create").containsEntry("outcome", "refused");
        // and only a system administrator makes agencies
        assertThat(api.post("xd-boss", "/api/agencies", Map.of("country", "XF", "name", "n", "contact", "c"))
                .status()).isEqualTo(403);
        // passwords too short are refused
        assertThat(api.post("xd-boss", "/api/agencies/" + id + "/users", Map.of("username", "xd-short",
                "password", "short", "roles", List.of("specialist"))).status()).isEqualTo(400);
    }

    @Test
    void aUserChangesTheirPassword() {
        String user = agencyWithUser("XA");
        String replacement = "another long enough passphrase";
        assertThat(api.post(user, "/api/me/password", Map.of("current", "wrong", "replacement", replacement))
                .status()).isEqualTo(400);
        assertThat(api.post(user, "/api/me/password", Map.of("current", PASSWORD, "replacement", replacement))
                .status()).isEqualTo(200);

        assertThat(api.get(user, "/api/me").status()).isEqualTo(401);
        assertThat(api.get(user + ":" + replacement, "/api/me").status()).isEqualTo(200);
    }
}
