package org.ariadne.server.media;

import java.util.List;
import java.util.Map;
import org.ariadne.server.security.Account;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The categorisation grid's calls: votes one at a time and in bulk, their state, and the disagreements.
 * Every answer is the votes as the caller sees them afterwards ({@link Categorisation.VoteState}).
 */
@RestController
class CategorisationController {

    private final Categorisation categorisation;

    CategorisationController(Categorisation categorisation) {
        this.categorisation = categorisation;
    }

    record Vote(String category) {
    }

    record Votes(List<Long> media, String category) {
    }

    @GetMapping("/api/categorisation")
    Map<String, Object> rule() {
        return Map.of("agreement", categorisation.agreement());
    }

    @PutMapping("/api/media/{id}/vote")
    Categorisation.VoteState vote(@AuthenticationPrincipal Account account, @PathVariable long id, @RequestBody Vote body) {
        return categorisation.vote(account, id, body.category());
    }

    @DeleteMapping("/api/media/{id}/vote")
    Categorisation.VoteState withdraw(@AuthenticationPrincipal Account account, @PathVariable long id) {
        return categorisation.withdraw(account, id);
    }

    @PostMapping("/api/votes")
    List<Categorisation.VoteState> voteAll(@AuthenticationPrincipal Account account, @RequestBody Votes body) {
        return categorisation.vote(account, body.media(), body.category());
    }

    @PostMapping("/api/votes/withdraw")
    List<Categorisation.VoteState> withdrawAll(@AuthenticationPrincipal Account account, @RequestBody Votes body) {
        return categorisation.withdraw(account, body.media());
    }

    @PostMapping("/api/votes/state")
    List<Categorisation.VoteState> state(@AuthenticationPrincipal Account account, @RequestBody Votes body) {
        return categorisation.state(account, body.media());
    }

    @GetMapping("/api/categorisation/disagreements")
    List<Categorisation.VoteState> disagreements(@AuthenticationPrincipal Account account,
                                                 @RequestParam(defaultValue = "0") int offset,
                                                 @RequestParam(defaultValue = "100") int limit) {
        return categorisation.disagreements(account, offset, limit);
    }
}
