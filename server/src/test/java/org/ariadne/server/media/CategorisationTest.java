package org.ariadne.server.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CategorisationTest {

    @Test
    void theLeaderIsFinalWithEnoughVotesAndNoTie() {
        assertThat(Categorisation.finalCategory(Map.of(), 2)).isNull();
        assertThat(Categorisation.finalCategory(Map.of("3", 1), 2)).isNull();
        assertThat(Categorisation.finalCategory(Map.of("3", 2), 2)).isEqualTo("3");
        assertThat(Categorisation.finalCategory(Map.of("3", 2, "4", 1), 2)).isEqualTo("3");
        assertThat(Categorisation.finalCategory(Map.of("3", 2, "4", 2), 2)).isNull();
        assertThat(Categorisation.finalCategory(Map.of("3", 1, "4", 1), 1)).isNull();
        assertThat(Categorisation.finalCategory(Map.of("1", 3, "3", 2, "4", 2), 3)).isEqualTo("1");
        assertThat(Categorisation.finalCategory(Map.of("1", 2, "3", 3, "4", 1), 3)).isEqualTo("3");
    }
}
