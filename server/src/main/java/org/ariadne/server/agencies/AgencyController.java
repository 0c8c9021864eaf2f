package org.ariadne.server.agencies;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ariadne.server.security.Account;
import org.ariadne.server.security.Role;
import org.ariadne.server.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class AgencyController {

    private final Agencies agencies;
    private final Administration administration;

    AgencyController(Agencies agencies, Administration administration) {
        this.agencies = agencies;
        this.administration = administration;
    }

    record NewAgency(String country, String name, String contact) {
    }

    record NewUser(String username, String displayName, String password, List<String> roles) {
    }

    @PostMapping("/agencies")
    @ResponseStatus(HttpStatus.CREATED)
    Agency create(@AuthenticationPrincipal Account account, @RequestBody NewAgency body) {
        return administration.createAgency(account, body.country(), body.name(), body.contact());
    }

    @PostMapping("/agencies/{id}/users")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> createUser(@AuthenticationPrincipal Account account, @PathVariable long id,
                                   @RequestBody NewUser body) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : body.roles() == null ? List.<String>of() : body.roles()) {
            try {
                roles.add(Role.fromStored(role));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("no such role: " + role);
            }
        }
        return Map.of("id", administration.createUser(account, id, body.username(), body.displayName(),
                body.password(), roles));
    }

    /** The signed-in user: name, roles and agency. */
    @GetMapping("/me")
    Map<String, Object> me(@AuthenticationPrincipal Account account) {
        Agency agency = agencies.find(account.agencyId()).orElseThrow(() -> ApiException.notFound("agency"));
        return Map.of("id", account.id(), "username", account.username(), "display_name", account.displayName(),
                "roles", account.roles().stream().map(r -> r.stored()).sorted().toList(), "agency", agency);
    }

    @GetMapping("/agencies")
    List<Agency> all() {
        return agencies.all();
    }
}
