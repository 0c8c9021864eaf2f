package org.ariadne.server.series;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.ariadne.server.security.Account;
import org.ariadne.server.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class SeriesController {

    private static final int MAX_PAGE = 500;

    private final SeriesCatalog catalog;

    SeriesController(SeriesCatalog catalog) {
        this.catalog = catalog;
    }

    record NewCase(String reference, String title) {
    }

    record NewSeries(Long caseId, String name, Sharing sharing, List<Long> agencies) {
    }

    record Status(boolean victimIdentified, boolean offenderIdentified, LocalDate identifiedAt) {
    }

    record SharingChange(Sharing sharing, List<Long> agencies) {
    }

    record Comment(String body) {
    }

    @PostMapping("/cases")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> createCase(@AuthenticationPrincipal Account account, @RequestBody NewCase body) {
        require(body.reference(), "reference");
        long id = catalog.createCase(account, body.reference(), body.title() == null ? body.reference() : body.title());
        return catalog.requireCase(account, id, "case.view");
    }

    @GetMapping("/cases")
    List<Map<String, Object>> cases(@AuthenticationPrincipal Account account) {
        return catalog.cases(account);
    }

    @GetMapping("/cases/{id}")
    Map<String, Object> getCase(@AuthenticationPrincipal Account account, @PathVariable long id) {
        return catalog.requireCase(account, id, "case.view");
    }

    @PostMapping("/series")
    @ResponseStatus(HttpStatus.CREATED)
    SeriesSummary create(@AuthenticationPrincipal Account account, @RequestBody NewSeries body) {
        require(body.name(), "name");
        long id = catalog.create(account, body.caseId(), body.name(),
                body.sharing() == null ? Sharing.ALL : body.sharing(), body.agencies());
        return catalog.visible(account, id, "series.view");
    }

    @GetMapping("/series")
    List<SeriesSummary> list(@AuthenticationPrincipal Account account,
                             @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
        return catalog.list(account, Math.max(0, offset), Math.clamp(limit, 1, MAX_PAGE));
    }

    @GetMapping("/series/{id}")
    SeriesSummary view(@AuthenticationPrincipal Account account, @PathVariable long id) {
        return catalog.view(account, id);
    }

    @PutMapping("/series/{id}/status")
    SeriesSummary status(@AuthenticationPrincipal Account account, @PathVariable long id, @RequestBody Status body) {
        return catalog.setStatus(account, id, body.victimIdentified(), body.offenderIdentified(), body.identifiedAt());
    }

    @PutMapping("/series/{id}/sharing")
    SeriesSummary sharing(@AuthenticationPrincipal Account account, @PathVariable long id, @RequestBody SharingChange body) {
        if (body.sharing() == null) {
            throw ApiException.badRequest("sharing is required: all, listed or owner");
        }
        return catalog.setSharing(account, id, body.sharing(), body.agencies());
    }

    @PostMapping("/series/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> comment(@AuthenticationPrincipal Account account, @PathVariable long id, @RequestBody Comment body) {
        require(body.body(), "body");
        return Map.of("id", catalog.comment(account, id, body.body()));
    }

    @GetMapping("/series/{id}/comments")
    List<Map<String, Object>> comments(@AuthenticationPrincipal Account account, @PathVariable long id) {
        return catalog.comments(account, id);
    }

    @PostMapping("/series/{id}/{people:victims|offenders}")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> addPerson(@AuthenticationPrincipal Account account, @PathVariable long id,
                                  @PathVariable String people, @RequestBody Person body) {
        require(body.codeName(), "code_name");
        return Map.of("id", catalog.addPerson(account, id, PersonKind.fromPath(people), body));
    }

    @GetMapping("/series/{id}/{people:victims|offenders}")
    List<Map<String, Object>> people(@AuthenticationPrincipal Account account, @PathVariable long id,
                                     @PathVariable String people) {
        return catalog.people(account, id, PersonKind.fromPath(people));
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(field + " is required");
        }
    }
}
