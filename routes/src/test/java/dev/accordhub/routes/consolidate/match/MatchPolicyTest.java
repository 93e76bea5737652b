package dev.accordhub.routes.consolidate.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MatchPolicyTest {

    @Test
    void thresholdsMustBeOrderedAndWithinZeroToOne() {
        MatchPolicy defaults = MatchPolicy.defaults();

        assertThatThrownBy(() -> defaults.withThresholds(0.8, 0.9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reviewThreshold (0.9) <= mergeThreshold (0.8)");
        assertThatThrownBy(() -> defaults.withThresholds(1.2, 0.9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withThresholds(0.9, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withThresholds(Double.NaN, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withMaxBlockSize(0)).hasMessageContaining("maxBlockSize");
    }

    @Test
    void scoresTurnIntoDecisionsAtTheThresholds() {
        MatchPolicy policy = MatchPolicy.defaults().withThresholds(0.9, 0.8);

        assertThat(policy.decisionFor(0.9)).isEqualTo(MatchDecision.MERGE);
        assertThat(policy.decisionFor(0.89)).isEqualTo(MatchDecision.REVIEW);
        assertThat(policy.decisionFor(0.8)).isEqualTo(MatchDecision.REVIEW);
        assertThat(policy.decisionFor(0.79)).isEqualTo(MatchDecision.SEPARATE);
    }

    @Test
    void theDefaultsMergeFrom091AndReviewFrom080() {
        MatchPolicy defaults = MatchPolicy.defaults();

        assertThat(defaults.decisionFor(0.91)).isEqualTo(MatchDecision.MERGE);
        assertThat(defaults.decisionFor(0.909)).isEqualTo(MatchDecision.REVIEW);
        assertThat(defaults.decisionFor(0.8)).isEqualTo(MatchDecision.REVIEW);
    }
}
