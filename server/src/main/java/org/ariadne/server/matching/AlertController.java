package org.ariadne.server.matching;

import java.util.List;
import org.ariadne.server.audit.AuditLog;
import org.ariadne.server.audit.Outcome;
import org.ariadne.server.security.Account;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/alerts")
class AlertController {

    private static final int LIMIT = 500;

    private final Deconfliction deconfliction;
    private final AuditLog audit;

    AlertController(Deconfliction deconfliction, AuditLog audit) {
        this.deconfliction = deconfliction;
        this.audit = audit;
    }

    @GetMapping
    List<Deconfliction.Alert> alerts(@AuthenticationPrincipal Account account) {
        audit.record(account.actor(), "alert.list", null, Outcome.OK);
        return deconfliction.alerts(account.agencyId(), LIMIT);
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(@AuthenticationPrincipal Account account, @PathVariable long id) {
        deconfliction.markRead(account, id);
    }
}
