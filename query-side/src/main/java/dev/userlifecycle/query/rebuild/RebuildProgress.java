package dev.userlifecycle.query.rebuild;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * A rebuild as the admin API shows it.
 *
 * @param generation         the generation the copy is written into ({@code user_profiles_g2} for 2)
 * @param previousGeneration the generation that answered when it started (0: the plain collection names)
 * @param position           the copy's position in the event store
 * @param headPosition       the event store's head when the position was taken
 * @param percent            {@code position} of {@code headPosition}, one decimal; 100 once completed
 * @param eventsPerSecond    while running, the copy's speed over the last seconds; once completed, its average
 * @param eta                the time left at that speed (ISO-8601 duration), {@code null} while unknown
 * @param error              why the copy is stuck or why the rebuild failed, {@code null} when nothing is wrong
 */
public record RebuildProgress(String projection, RebuildState state, int generation, int previousGeneration,
                              Instant startedAt, Instant updatedAt, Instant switchedAt, Instant finishedAt,
                              long position, long headPosition, BigDecimal percent, long eventsPerSecond,
                              Duration eta, String error) {

    static RebuildProgress of(Rebuild rebuild) {
        boolean completed = rebuild.state() == RebuildState.COMPLETED;
        return new RebuildProgress(rebuild.projection(), rebuild.state(), rebuild.generation(),
                                   rebuild.previousGeneration(), rebuild.startedAt(), rebuild.updatedAt(),
                                   rebuild.switchedAt(), rebuild.finishedAt(), rebuild.position(),
                                   rebuild.headPosition(), completed ? BigDecimal.valueOf(1000, 1) : percent(rebuild),
                                   Math.round(rebuild.eventsPerSecond()), completed ? Duration.ZERO : eta(rebuild),
                                   rebuild.error());
    }

    private static BigDecimal percent(Rebuild rebuild) {
        if (rebuild.headPosition() <= 0 || rebuild.position() >= rebuild.headPosition()) {
            return BigDecimal.valueOf(1000, 1);
        }
        return BigDecimal.valueOf(rebuild.position() * 100.0 / rebuild.headPosition()).setScale(1, RoundingMode.DOWN);
    }

    private static Duration eta(Rebuild rebuild) {
        if (rebuild.state() != RebuildState.RUNNING) {
            return null;
        }
        long left = Math.max(0, rebuild.headPosition() - rebuild.position());
        if (left == 0) {
            return Duration.ZERO;
        }
        if (rebuild.eventsPerSecond() <= 0) {
            return null;
        }
        return Duration.ofSeconds((long) Math.ceil(left / rebuild.eventsPerSecond()));
    }
}
