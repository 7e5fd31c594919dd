package dev.userlifecycle.query.retention;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Every share of the package is a {@link BigDecimal} with four decimals, rounded half up. */
final class Rates {

    static final int SCALE = 4;

    private Rates() {
    }

    /** {@code part / whole}, or {@code null} when {@code whole} is zero: there is nothing to take a share of. */
    static BigDecimal of(long part, long whole) {
        return ratio(BigDecimal.valueOf(part), whole, SCALE);
    }

    static BigDecimal ratio(BigDecimal part, long whole, int scale) {
        return whole == 0 ? null : part.divide(BigDecimal.valueOf(whole), scale, RoundingMode.HALF_UP);
    }
}
