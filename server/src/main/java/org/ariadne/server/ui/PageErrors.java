package org.ariadne.server.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.ariadne.server.audit.Actor;
import org.ariadne.server.audit.AuditLog;
import org.ariadne.server.audit.Outcome;
import org.ariadne.server.security.Account;
import org.ariadne.server.web.ApiException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A refusal or a missing item on a page is shown as a page, with the status the API would answer (a series
 * of another agency is "not found" here as there; the refusal was audited where it was decided). For the
 * pages of every feature (the public notices' too); the REST controllers' errors are JSON
 * ({@code web.ApiExceptionHandler}, asked first).
 */
@ControllerAdvice(basePackages = "org.ariadne.server")
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    private final AuditLog audit;

    PageErrors(AuditLog audit) {
        this.audit = audit;
    }

    @ExceptionHandler(ApiException.class)
    String refused(ApiException e, @AuthenticationPrincipal Account account, HttpServletRequest request,
                   HttpServletResponse response, Model model) {
        if (e.status() == HttpStatus.FORBIDDEN) { // a missing role; other refusals are audited where decided
            audit.record(account == null ? Actor.SYSTEM : account.actor(), "request.forbidden",
                    request.getMethod() + " " + request.getRequestURI(), Outcome.REFUSED, Map.of("reason", e.getMessage()));
        }
        response.setStatus(e.status().value());
        model.addAttribute("status", e.status().value());
        model.addAttribute("message", e.getMessage());
        return "error";
    }
}
