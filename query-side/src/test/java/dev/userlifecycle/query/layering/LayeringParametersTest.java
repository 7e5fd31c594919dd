package dev.userlifecycle.query.layering;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LayeringParametersTest {

    @Test
    void theDefaultsAreFourClustersOnALogScaleWithAFixedSeed() {
        assertThat(LayeringParameters.defaults()).isEqualTo(new LayeringParameters(4, LayeringParameters.DEFAULT_SEED, 100,
                FeatureScaling.LOG_SKEWED_THEN_Z_SCORE));
        assertThat(LayeringParameters.defaults().withK(5).k()).isEqualTo(5);
    }

    @Test
    void kOutsideThreeToFiveOrNoIterationIsRefused() {
        assertThatThrownBy(() -> new LayeringParameters(2, 1, 10)).hasMessage("k must be within 3..5: 2");
        assertThatThrownBy(() -> new LayeringParameters(6, 1, 10)).hasMessage("k must be within 3..5: 6");
        assertThatThrownBy(() -> new LayeringParameters(4, 1, 0)).hasMessage("maxIterations must be at least 1: 0");
        assertThatThrownBy(() -> new LayeringParameters(4, 1, 10, null)).hasMessage("scaling");
    }
}
