package org.ariadne.server.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.ariadne.server.notices.NoticeWorkflow.Refusal;
import org.ariadne.server.notices.NoticeWorkflow.Text;
import org.ariadne.server.notices.NoticeWorkflow.TextStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NoticeWorkflowTest {

    private static final long AUTHOR = 1;
    private static final long TRANSLATOR = 2;
    private static final long REVIEWER = 3;

    private static Map<Language, Text> texts(TextStatus en, TextStatus fr, TextStatus es, TextStatus ar) {
        Map<Language, Text> texts = new EnumMap<>(Language.class);
        TextStatus[] statuses = {en, fr, es, ar};
        for (Language language : Language.values()) {
            if (statuses[language.ordinal()] != null) {
                texts.put(language, new Text(statuses[language.ordinal()], language == Language.EN ? AUTHOR : TRANSLATOR));
            }
        }
        return texts;
    }

    private static final TextStatus T = TextStatus.TRANSLATED;
    private static final TextStatus R = TextStatus.REVIEWED;

    @Test
    void aDraftIsSubmittedOnceItsOwnLanguageIsWritten() {
        assertThatThrownBy(() -> NoticeWorkflow.submit(NoticeState.DRAFT, texts(null, null, null, null), Language.EN))
                .isInstanceOf(Refusal.class).hasMessageContaining("description");
        assertThatCode(() -> NoticeWorkflow.submit(NoticeState.DRAFT, texts(T, null, null, null), Language.EN))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> NoticeWorkflow.submit(NoticeState.SUBMITTED, texts(T, null, null, null), Language.EN))
                .isInstanceOf(Refusal.class);
    }

    @Test
    void theStateFollowsTheTexts() {
        assertThat(NoticeWorkflow.settle(NoticeState.SUBMITTED, texts(T, null, null, null))).isEqualTo(NoticeState.SUBMITTED);
        assertThat(NoticeWorkflow.settle(NoticeState.SUBMITTED, texts(T, T, T, T))).isEqualTo(NoticeState.TRANSLATED);
        assertThat(NoticeWorkflow.settle(NoticeState.TRANSLATED, texts(R, R, R, T))).isEqualTo(NoticeState.TRANSLATED);
        assertThat(NoticeWorkflow.settle(NoticeState.TRANSLATED, texts(R, R, R, R))).isEqualTo(NoticeState.REVIEWED);
        // a text changed after review takes the notice back
        assertThat(NoticeWorkflow.settle(NoticeState.REVIEWED, texts(R, T, R, R))).isEqualTo(NoticeState.TRANSLATED);
        // a draft does not move by itself, nor does a published or closed notice
        assertThat(NoticeWorkflow.settle(NoticeState.DRAFT, texts(R, R, R, R))).isEqualTo(NoticeState.DRAFT);
        assertThat(NoticeWorkflow.settle(NoticeState.PUBLISHED, texts(R, T, R, R))).isEqualTo(NoticeState.PUBLISHED);
    }

    @Test
    void publicationIsRefusedUntilAllFourLanguagesAreWrittenAndReviewed() {
        assertThatThrownBy(() -> NoticeWorkflow.publish(NoticeState.SUBMITTED, texts(R, R, null, null)))
                .isInstanceOf(Refusal.class).hasMessageContaining("not written: es, ar");
        assertThatThrownBy(() -> NoticeWorkflow.publish(NoticeState.TRANSLATED, texts(R, R, R, T)))
                .isInstanceOf(Refusal.class).hasMessageContaining("not reviewed: ar");
        assertThatThrownBy(() -> NoticeWorkflow.publish(NoticeState.DRAFT, texts(R, R, R, R)))
                .isInstanceOf(Refusal.class);
        assertThatCode(() -> NoticeWorkflow.publish(NoticeState.REVIEWED, texts(R, R, R, R))).doesNotThrowAnyException();
        assertThatThrownBy(() -> NoticeWorkflow.publish(NoticeState.PUBLISHED, texts(R, R, R, R)))
                .isInstanceOf(Refusal.class);
    }

    @Test
    void aReviewerChecksSomeoneElsesText() {
        Text byTranslator = new Text(T, TRANSLATOR);
        assertThatCode(() -> NoticeWorkflow.review(NoticeState.SUBMITTED, Language.FR, byTranslator, REVIEWER))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> NoticeWorkflow.review(NoticeState.SUBMITTED, Language.FR, byTranslator, TRANSLATOR))
                .isInstanceOf(Refusal.class).hasMessageContaining("other than its writer");
        assertThatThrownBy(() -> NoticeWorkflow.review(NoticeState.SUBMITTED, Language.AR, null, REVIEWER))
                .isInstanceOf(Refusal.class).hasMessageContaining("no ar text");
        assertThatThrownBy(() -> NoticeWorkflow.review(NoticeState.SUBMITTED, Language.FR, new Text(R, TRANSLATOR), REVIEWER))
                .isInstanceOf(Refusal.class).hasMessageContaining("already");
    }

    @ParameterizedTest
    @EnumSource(value = NoticeState.class, names = {"DRAFT", "PUBLISHED", "LOCATED", "CANCELLED"})
    void textsAreWrittenOnlyBetweenSubmissionAndPublication(NoticeState state) {
        assertThatThrownBy(() -> NoticeWorkflow.write(state)).isInstanceOf(Refusal.class);
    }

    @Test
    void onlyADraftIsEdited() {
        assertThatCode(() -> NoticeWorkflow.edit(NoticeState.DRAFT)).doesNotThrowAnyException();
        assertThatThrownBy(() -> NoticeWorkflow.edit(NoticeState.SUBMITTED)).isInstanceOf(Refusal.class);
    }

    @Test
    void closing() {
        assertThatCode(() -> NoticeWorkflow.close(NoticeState.PUBLISHED, NoticeState.LOCATED)).doesNotThrowAnyException();
        assertThatCode(() -> NoticeWorkflow.close(NoticeState.SUBMITTED, NoticeState.LOCATED)).doesNotThrowAnyException();
        assertThatThrownBy(() -> NoticeWorkflow.close(NoticeState.DRAFT, NoticeState.LOCATED)).isInstanceOf(Refusal.class);
        assertThatCode(() -> NoticeWorkflow.close(NoticeState.DRAFT, NoticeState.CANCELLED)).doesNotThrowAnyException();
        assertThatThrownBy(() -> NoticeWorkflow.close(NoticeState.LOCATED, NoticeState.CANCELLED)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> NoticeWorkflow.close(NoticeState.CANCELLED, NoticeState.LOCATED)).isInstanceOf(Refusal.class);
    }
}
