package dev.userlifecycle.query.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GranularityTest {

    private static final LocalDate SUNDAY = LocalDate.of(2026, 3, 1);
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    @Test
    void weeksStartOnMonday() {
        assertThat(Granularity.WEEK.bucketStart(SUNDAY)).isEqualTo(LocalDate.of(2026, 2, 23));
        assertThat(Granularity.WEEK.bucketStart(MONDAY)).isEqualTo(MONDAY);
        assertThat(Granularity.WEEK.bucketStart(MONDAY.plusDays(6))).isEqualTo(MONDAY);
        assertThat(Granularity.WEEK.next(SUNDAY)).isEqualTo(MONDAY);
    }

    @Test
    void monthsAreCalendarMonthsOfTheirOwnLength() {
        assertThat(Granularity.MONTH.bucketStart(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(Granularity.MONTH.next(LocalDate.of(2024, 2, 1))).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(Granularity.MONTH.next(LocalDate.of(2026, 1, 31))).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(Granularity.MONTH.offset(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 1))).isEqualTo(1);
        assertThat(Granularity.MONTH.offset(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))).isEqualTo(11);
    }

    @Test
    void aDayIsItsOwnBucket() {
        assertThat(Granularity.DAY.bucketStart(SUNDAY)).isEqualTo(SUNDAY);
        assertThat(Granularity.DAY.next(SUNDAY)).isEqualTo(MONDAY);
        assertThat(Granularity.DAY.offset(SUNDAY, MONDAY.plusDays(9))).isEqualTo(10);
    }

    @Test
    void offsetsCountCalendarBucketsNotElapsedTime() {
        assertThat(Granularity.WEEK.offset(SUNDAY, MONDAY)).isEqualTo(1);
        assertThat(Granularity.WEEK.offset(MONDAY, MONDAY.plusDays(6))).isZero();
        assertThat(Granularity.WEEK.offset(MONDAY, SUNDAY)).isEqualTo(-1);
    }

    @ParameterizedTest
    @EnumSource(Granularity.class)
    void indexAgreesWithBucketStartAndOffsetAcrossYears(Granularity granularity) {
        LocalDate epoch = LocalDate.ofEpochDay(0);
        for (LocalDate day = LocalDate.of(1969, 11, 1); day.isBefore(LocalDate.of(2029, 3, 1)); day = day.plusDays(1)) {
            int index = granularity.index((int) day.toEpochDay());
            assertThat(index).isEqualTo(granularity.offset(epoch, day));
            assertThat(LocalDate.ofEpochDay(granularity.startOf(index))).isEqualTo(granularity.bucketStart(day));
        }
    }
}
