package org.ariadne.server.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The structured fields render in every language by themselves: every label exists in all four. */
class LabelsTest {

    private static Set<String> keys(Language language) {
        return ResourceBundle.getBundle("notices.labels", language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).keySet();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyLanguageHasEveryLabel(Language language) {
        assertThat(keys(language)).isEqualTo(keys(Language.EN));
        for (String key : keys(language)) {
            assertThat(Labels.of(language).get(key)).as(language + " " + key).isNotBlank();
        }
    }

    @Test
    void datesAndCountriesComeFromTheLocaleData() {
        LocalDate date = LocalDate.of(2026, 3, 29);
        assertThat(Labels.of(Language.EN).date(date)).isEqualTo("March 29, 2026");
        assertThat(Labels.of(Language.FR).date(date)).isEqualTo("29 mars 2026");
        assertThat(Labels.of(Language.ES).date(date)).isEqualTo("29 de marzo de 2026");
        assertThat(Labels.of(Language.AR).date(date)).contains("مارس").contains("2026");
        assertThat(Labels.of(Language.AR).country("MA")).isEqualTo("المغرب");
        assertThat(Labels.of(Language.ES).place("Lyon", "FR")).isEqualTo("Lyon, Francia");
        assertThat(Labels.of(Language.AR).place("Lyon", "FR")).isEqualTo("Lyon، فرنسا");
    }

    @Test
    void vocabulariesAreTheFormsAllowList() {
        assertThat(Labels.of(Language.EN).knows("eyes", "hazel")).isTrue();
        assertThat(Labels.of(Language.EN).knows("eyes", "violet")).isFalse();
        assertThat(Labels.of(Language.AR).term("hair", "blond")).isEqualTo("أشقر");
        assertThat(Labels.of(Language.FR).term("sex", null)).isEqualTo("Inconnu");
    }
}
