package org.ariadne.server.agencies;

import java.util.List;
import java.util.Map;
import org.ariadne.server.security.Account;
import org.ariadne.server.web.ApiException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class AgencyController {

    private final Agencies agencies;

    AgencyController(Agencies agencies) {
        this.agencies = agencies;
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
