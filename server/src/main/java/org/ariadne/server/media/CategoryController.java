package org.ariadne.server.media;

import java.util.List;
import java.util.Map;
import org.ariadne.server.audit.AuditLog;
import org.ariadne.server.audit.Outcome;
import org.ariadne.server.security.Account;
import org.ariadne.server.security.Role;
import org.ariadne.server.web.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The categories media are put in: VICS-style codes, configurable by a system administrator (the codes
 * are what exports carry; the labels are what people read).
 */
@RestController
class CategoryController {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final MediaCatalog catalog;

    CategoryController(JdbcClient jdbc, AuditLog audit, MediaCatalog catalog) {
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    record Label(String label) {
    }

    @GetMapping("/api/categories")
    List<Map<String, Object>> categories() {
        return catalog.categories();
    }

    /** Adds a category or renames one. */
    @PutMapping("/api/categories/{code}")
    Map<String, Object> put(@AuthenticationPrincipal Account account, @PathVariable String code, @RequestBody Label body) {
        account.require(Role.SYSTEM_ADMIN);
        if (!code.matches("[0-9A-Za-z_-]{1,16}") || body.label() == null || body.label().isBlank()) {
            throw ApiException.badRequest("a code of 1-16 letters, digits, '-' or '_', and a label");
        }
        jdbc.sql("insert into category (code, label) values (?, ?) on conflict (code) do update set label = excluded.label")
                .params(code, body.label().strip()).update();
        audit.record(account.actor(), "category.put", "category:" + code, Outcome.OK, Map.of("label", body.label()));
        return Map.of("code", code, "label", body.label().strip());
    }
}
