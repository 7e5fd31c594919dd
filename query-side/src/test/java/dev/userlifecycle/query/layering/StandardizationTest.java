package dev.userlifecycle.query.layering;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StandardizationTest {

    @Test
    void eachColumnGetsMeanZeroAndPopulationDeviationOne() {
        double[] rows = {1, 10, 2, 20, 3, 30, 6, 60};
        Standardization standardization = Standardization.of(rows, 2);

        standardization.applyInPlace(rows);

        // column 0: mean 3, population variance (4 + 1 + 0 + 9) / 4 = 3.5
        double deviation = Math.sqrt(3.5);
        assertThat(rows).containsExactly(new double[]{
                -2 / deviation, -2 / deviation, -1 / deviation, -1 / deviation,
                0, 0, 3 / deviation, 3 / deviation}, within(1e-12));
        assertThat(standardization.invert(1, 1)).isCloseTo(30 + 10 * deviation, within(1e-9));
    }

    @Test
    void aConstantColumnBecomesExactZerosEvenWhenItsMeanDoesNotRoundTrip() {
        int n = 1_000;
        double[] rows = new double[n * 2];
        for (int i = 0; i < n; i++) {
            rows[2 * i] = 0.1;
            rows[2 * i + 1] = i;
        }
        Standardization standardization = Standardization.of(rows, 2);

        standardization.applyInPlace(rows);

        for (int i = 0; i < n; i++) {
            assertThat(rows[2 * i]).isZero();
        }
        assertThat(standardization.invert(0, 0)).isEqualTo(0.1);
    }
}
