package dev.userlifecycle.app.importing;

import dev.userlifecycle.app.importing.ImportPlan.Step;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ImportPlanTest {

    @Test
    void aSortedFileIsSentInFileOrderEachUserRegisteredAtTheirFirstLine() {
        List<Step> steps = ImportPlan.of(List.of(line(2, "a", "2026-01-01"), line(3, "a", "2026-01-05"),
                                                 line(4, "b", "2026-01-02"))).steps();

        assertThat(steps).extracting(Step::slot, step -> step.line().lineNumber(), Step::registers)
                .containsExactly(tuple(2, 2, true),
                                 tuple(3, 3, false),
                                 tuple(4, 4, true));
    }

    @Test
    void aUsersLinesGoInBusinessTimeOrderIntoThePlacesTheyTakeInTheFile() {
        List<Step> steps = ImportPlan.of(List.of(line(2, "a", "2026-01-09"), line(3, "b", "2026-01-02"),
                                                 line(4, "a", "2026-01-01"), line(5, "a", "2026-01-05"))).steps();

        assertThat(steps).extracting(Step::slot, step -> step.line().lineNumber(), Step::registers)
                .containsExactly(tuple(2, 4, true),
                                 tuple(3, 3, true),
                                 tuple(4, 5, false),
                                 tuple(5, 2, false));
    }

    @Test
    void whatIsLeftAfterACheckpointAreTheStepsOfTheLaterPlaces() {
        ImportPlan plan = ImportPlan.of(List.of(line(2, "a", "2026-01-09"), line(3, "b", "2026-01-02"),
                                                line(4, "a", "2026-01-01")));

        assertThat(plan.after(3)).extracting(Step::slot, step -> step.line().lineNumber())
                .containsExactly(tuple(4, 2));
    }

    private static OrderLine line(int number, String user, String day) {
        LocalDate date = LocalDate.parse(day);
        return new OrderLine(number, user, "o-" + number, date.atStartOfDay(ZoneOffset.UTC).toInstant(), date,
                             BigDecimal.ONE, "USD");
    }
}
