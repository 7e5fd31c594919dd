package dev.userlifecycle.sagas.wakeup;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0), SHANGHAI);

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void aTimeInTheEveningMovesToTheEndOfTheQuietHoursNextMorning() {
        assertThat(NIGHT.nextAllowed(local("2026-03-02T23:10"))).isEqualTo(local("2026-03-03T08:00"));
        assertThat(NIGHT.nextAllowed(local("2026-03-02T22:00"))).isEqualTo(local("2026-03-03T08:00"));
    }

    @Test
    void aTimeAfterMidnightMovesToTheEndOfTheQuietHoursThatMorning() {
        assertThat(NIGHT.nextAllowed(local("2026-03-03T00:00"))).isEqualTo(local("2026-03-03T08:00"));
        assertThat(NIGHT.nextAllowed(local("2026-03-03T07:59:59"))).isEqualTo(local("2026-03-03T08:00"));
    }

    @Test
    void aTimeOutsideQuietHoursStays() {
        assertThat(NIGHT.nextAllowed(local("2026-03-03T08:00"))).isEqualTo(local("2026-03-03T08:00"));
        assertThat(NIGHT.nextAllowed(local("2026-03-03T21:59:59"))).isEqualTo(local("2026-03-03T21:59:59"));
    }

    @Test
    void quietHoursWithinOneDayMoveToTheirEndThatDay() {
        QuietHours siesta = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0), SHANGHAI);

        assertThat(siesta.nextAllowed(local("2026-03-03T13:00"))).isEqualTo(local("2026-03-03T14:00"));
        assertThat(siesta.nextAllowed(local("2026-03-03T23:00"))).isEqualTo(local("2026-03-03T23:00"));
    }

    @Test
    void equalTimesMeanNoQuietHours() {
        QuietHours none = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, SHANGHAI);

        assertThat(none.nextAllowed(local("2026-03-03T03:00"))).isEqualTo(local("2026-03-03T03:00"));
    }
}
