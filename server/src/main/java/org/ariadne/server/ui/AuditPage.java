package org.ariadne.server.ui;

import java.util.HashMap;
import java.util.Map;
import org.ariadne.server.audit.AuditLog;
import org.ariadne.server.audit.AuditTrail;
import org.ariadne.server.audit.Outcome;
import org.ariadne.server.security.Account;
import org.ariadne.server.security.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log for auditors: their agency's entries, newest first, filtered by action and user. */
@Controller
class AuditPage {

    static final int PAGE = 100;

    private final AuditTrail trail;
    private final AuditLog audit;

    AuditPage(AuditTrail trail, AuditLog audit) {
        this.trail = trail;
        this.audit = audit;
    }

    @GetMapping("/audit")
    String audit(@AuthenticationPrincipal Account account, @RequestParam(required = false) String action,
                 @RequestParam(required = false) String user, @RequestParam(defaultValue = "0") int page, Model model) {
        account.require(Role.AUDITOR);
        int current = Pages.current(page);
        Map<String, Object> filter = new HashMap<>();
        filter.put("page", current);
        if (action != null && !action.isBlank()) {
            filter.put("action", action);
        }
        if (user != null && !user.isBlank()) {
            filter.put("user", user);
        }
        audit.record(account.actor(), "audit.view", null, Outcome.OK, filter);
        model.addAttribute("entries", trail.entries(account.agencyId(), action, user, current * PAGE, PAGE + 1));
        model.addAttribute("page", current);
        model.addAttribute("pageSize", PAGE);
        model.addAttribute("action", action);
        model.addAttribute("user", user);
        return "audit";
    }
}
