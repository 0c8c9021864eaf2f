package org.ariadne.server.notices;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The rules of a notice's workflow, apart from storage and access so that they are tested alone:
 * draft, submitted (the clock starts), translated (every language has its free text), reviewed (every
 * language checked by someone other than its writer), published, then located or cancelled. Translated and
 * reviewed follow from the texts by themselves ({@link #settle}); the other steps are asked for, and each
 * method here throws {@link Refusal} with the reason when the step is not allowed now.
 */
final class NoticeWorkflow {

    /** Where the free text of one language stands. */
    enum TextStatus {
        TRANSLATED, REVIEWED;

        String stored() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The free text of one language as the rules see it: its status and who wrote it. */
    record Text(TextStatus status, long writtenBy) {
    }

    /** A step the workflow does not allow now; the message says why. */
    static final class Refusal extends RuntimeException {
        Refusal(String message) {
            super(message);
        }
    }

    private NoticeWorkflow() {
    }

    /** The structured fields and photos are changed in a draft only: what was translated stays true. */
    static void edit(NoticeState state) {
        require(state == NoticeState.DRAFT, "only a draft can be changed; this notice is " + state.stored());
    }

    /** A draft is submitted once the free text of its own language is written. */
    static void submit(NoticeState state, Map<Language, Text> texts, Language source) {
        require(state == NoticeState.DRAFT, "only a draft can be submitted; this notice is " + state.stored());
        require(texts.containsKey(source), "write the description in the notice's language (" + source.code()
                + ") before submitting it");
    }

    /** Free text is written between submission and publication; a published text is not changed silently. */
    static void write(NoticeState state) {
        require(state.awaitingPublication(), "texts are translated after submission and before publication; this notice is "
                + state.stored());
    }

    /** A language is reviewed once it is written, and by someone other than its writer. */
    static void review(NoticeState state, Language language, Text text, long reviewer) {
        write(state);
        require(text != null, "there is no " + language.code() + " text to review yet");
        require(text.status() == TextStatus.TRANSLATED, "the " + language.code() + " text is reviewed already");
        require(text.writtenBy() != reviewer, "the " + language.code() + " text needs a reviewer other than its writer");
    }

    /** Publication is refused until all four languages are written and reviewed. */
    static void publish(NoticeState state, Map<Language, Text> texts) {
        require(state.awaitingPublication(), "only a submitted notice can be published; this notice is " + state.stored());
        List<String> missing = Arrays.stream(Language.values()).filter(l -> !texts.containsKey(l)).map(Language::code).toList();
        List<String> unreviewed = Arrays.stream(Language.values())
                .filter(l -> texts.containsKey(l) && texts.get(l).status() != TextStatus.REVIEWED).map(Language::code).toList();
        require(missing.isEmpty() && unreviewed.isEmpty(), "publication needs all four languages written and reviewed"
                + (missing.isEmpty() ? "" : "; not written: " + String.join(", ", missing))
                + (unreviewed.isEmpty() ? "" : "; not reviewed: " + String.join(", ", unreviewed)));
    }

    /** Located once submitted (a draft's child is found: cancel it); cancelled any time before it is closed. */
    static void close(NoticeState state, NoticeState outcome) {
        if (outcome == NoticeState.LOCATED) {
            require(state.awaitingPublication() || state == NoticeState.PUBLISHED,
                    "only a submitted or published notice can be marked located; this notice is " + state.stored());
        } else if (outcome == NoticeState.CANCELLED) {
            require(!state.closed(), "this notice is " + state.stored() + " already");
        } else {
            throw new IllegalArgumentException("not a closing state: " + outcome);
        }
    }

    /** The state the texts put a notice in while it awaits publication; other states are kept. */
    static NoticeState settle(NoticeState state, Map<Language, Text> texts) {
        if (!state.awaitingPublication()) {
            return state;
        }
        boolean allWritten = texts.keySet().containsAll(List.of(Language.values()));
        boolean allReviewed = allWritten && texts.values().stream().allMatch(t -> t.status() == TextStatus.REVIEWED);
        return allReviewed ? NoticeState.REVIEWED : allWritten ? NoticeState.TRANSLATED : NoticeState.SUBMITTED;
    }

    private static void require(boolean allowed, String reason) {
        if (!allowed) {
            throw new Refusal(reason);
        }
    }
}
