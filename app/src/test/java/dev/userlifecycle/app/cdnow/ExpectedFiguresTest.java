package dev.userlifecycle.app.cdnow;

import dev.userlifecycle.app.cdnow.CdnowHistory.Line;
import dev.userlifecycle.app.cdnow.ExpectedCohorts.Basis;
import dev.userlifecycle.app.cdnow.ExpectedCohorts.Row;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The file and the figures the CDNOW correctness test expects, checked on their own first. */
class ExpectedFiguresTest {

    private static final LocalDate JAN_1 = LocalDate.of(1997, 1, 1);

    @Test
    void theShippedFileHoldsThePublishedTotals() {
        CdnowHistory history = CdnowHistory.load();

        assertThat(history.lines()).hasSize(69_659);
        assertThat(history.byCustomer()).hasSize(23_570);
        assertThat(history.lines().stream().filter(Line::isPurchase).count()).isEqualTo(69_579);
        assertThat(history.lines().stream().filter(line -> line.cents() == 0).count()).isEqualTo(80);
        assertThat(history.lines().stream().mapToLong(Line::cents).sum()).isBetween(249_500_000L, 250_500_000L);
        assertThat(history.lastDate()).isEqualTo(LocalDate.of(1998, 6, 30));
        assertThat(history.byCustomer().get("00002")).extracting(Line::lineNumber).containsExactly(3, 4);
    }

    @Test
    void aCustomerIsRetainedInEveryMonthWithALineAndCohortsEndAtTheLastMonth() {
        Map<String, List<Line>> customers = new LinkedHashMap<>();
        customers.put("a", List.of(line("a", JAN_1, 0), line("a", JAN_1.plusDays(40), 500),
                                   line("a", JAN_1.plusDays(41), 500), line("a", LocalDate.of(1997, 4, 30), 100)));
        customers.put("b", List.of(line("b", LocalDate.of(1997, 1, 31), 700)));
        customers.put("c", List.of(line("c", LocalDate.of(1997, 2, 1), 300), line("c", LocalDate.of(1997, 3, 1), 0)));

        List<Row> rows = ExpectedCohorts.monthly(customers, Basis.REGISTRATION, JAN_1, LocalDate.of(1997, 4, 30));

        assertThat(rows).extracting(Row::cohortStart).containsExactly(JAN_1, LocalDate.of(1997, 2, 1),
                                                                      LocalDate.of(1997, 3, 1), LocalDate.of(1997, 4, 1));
        assertThat(rows.get(0).size()).isEqualTo(2);
        assertThat(rows.get(0).retained()).containsExactly(2, 1, 0, 1);
        assertThat(rows.get(0).rate(1)).isEqualByComparingTo("0.5000");
        assertThat(rows.get(1).retained()).containsExactly(1, 1, 0);
        assertThat(rows.get(2).size()).isZero();
        assertThat(rows.get(2).retained()).isEmpty();
    }

    @Test
    void firstPurchaseCohortsStartAtTheFirstLineWithAValue() {
        Map<String, List<Line>> customers = Map.of(
                "a", List.of(line("a", JAN_1, 0), line("a", LocalDate.of(1997, 2, 3), 500)),
                "z", List.of(line("z", JAN_1, 0)));

        List<Row> rows = ExpectedCohorts.monthly(customers, Basis.FIRST_PURCHASE, LocalDate.of(1997, 2, 1),
                                                 LocalDate.of(1997, 3, 31));

        assertThat(rows).first().satisfies(row -> {
            assertThat(row.cohortStart()).isEqualTo(LocalDate.of(1997, 2, 1));
            assertThat(row.size()).isEqualTo(1);
            assertThat(row.retained()).containsExactly(1, 0);
        });
    }

    @Test
    void rfmScoresAreQuintilesOfStrictlyWorseCustomersWithTiesSharingAScore() {
        Map<String, List<Line>> customers = new LinkedHashMap<>();
        // ten customers: customer i bought i times for a dollar each, last on day 10 - i before the end
        LocalDate end = LocalDate.of(1997, 6, 30);
        IntStream.rangeClosed(1, 10).forEach(i -> customers.put("c" + i, IntStream.rangeClosed(1, i)
                .mapToObj(k -> line("c" + i, end.minusDays(10 - i + k - 1), 100)).toList()));
        // two customers tied at the bottom of every dimension
        customers.put("z1", List.of(line("z1", end.minusDays(100), 0)));
        customers.put("z2", List.of(line("z2", end.minusDays(100), 0)));

        ExpectedRfm.Counts counts = ExpectedRfm.asOf(customers, end);

        // worse than the ties: none (score 1); than c1: 2, c2: 3, ... c10: 11 of n = 12
        assertThat(counts.frequency()).containsExactly(2 + 1, 2, 3, 2, 2);
        assertThat(counts.monetary()).containsExactly(counts.frequency());
        assertThat(counts.recency()).containsExactly(3, 2, 3, 2, 2);
        assertThat(counts.segments().get("LOST")).as("the ties and c1, (1, 1, 1) each").isEqualTo(3);
        assertThat(counts.segments().get("CHAMPIONS")).isEqualTo(2);
        assertThat(counts.segments().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(12);
    }

    @Test
    void amountsAreKeptInCents() {
        Line line = new Line(2, "00001", JAN_1, 1, 1177);

        assertThat(line.dollars()).isEqualByComparingTo(new BigDecimal("11.77"));
        assertThat(line.isPurchase()).isTrue();
    }

    private static Line line(String customer, LocalDate date, long cents) {
        return new Line(0, customer, date, 1, cents);
    }
}
