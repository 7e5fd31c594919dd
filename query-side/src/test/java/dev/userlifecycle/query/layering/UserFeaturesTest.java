package dev.userlifecycle.query.layering;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserFeaturesTest {

    @Test
    void featuresOutsideTheirRangeAreRejectedNamingTheField() {
        assertThatThrownBy(() -> new UserFeatures("u", -1, 0, 0, 0, 0)).hasMessageContaining("recencyDays");
        assertThatThrownBy(() -> new UserFeatures("u", Double.NaN, 0, 0, 0, 0)).hasMessageContaining("recencyDays");
        assertThatThrownBy(() -> new UserFeatures("u", 0, 31, 31, 0, 0)).hasMessageContaining("activeDays30");
        assertThatThrownBy(() -> new UserFeatures("u", 0, 5, 4, 0, 0)).hasMessageContaining("activeDays90");
        assertThatThrownBy(() -> new UserFeatures("u", 0, 0, 91, 0, 0)).hasMessageContaining("activeDays90");
        assertThatThrownBy(() -> new UserFeatures("u", 0, 0, 0, -1, 0)).hasMessageContaining("frequency");
        assertThatThrownBy(() -> new UserFeatures("u", 0, 0, 0, 0, Double.POSITIVE_INFINITY))
                .hasMessageContaining("monetary");
        assertThatThrownBy(() -> new UserFeatures(null, 0, 0, 0, 0, 0)).hasMessageContaining("userId");
    }

    @Test
    void negativeZeroIsTheSameAsZero() {
        assertThat(new UserFeatures("u", -0.0, 0, 0, 0, -0.0)).isEqualTo(new UserFeatures("u", 0, 0, 0, 0, 0));
    }
}
