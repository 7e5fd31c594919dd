package dev.userlifecycle.app.importing;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvLinesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void readsEveryColumnOfAGoodLine() {
        OrderFile file = read("""
                userId,orderId,occurredAt,amount,currency
                u-1,o-1,2026-03-01T09:30:00Z,12.50,CNY
                """);

        assertThat(file.badLines()).isEmpty();
        assertThat(file.lines()).containsExactly(new OrderLine(2, "u-1", "o-1", Instant.parse("2026-03-01T09:30:00Z"),
                                                               LocalDate.of(2026, 3, 1), new BigDecimal("12.50"),
                                                               "CNY"));
    }

    @Test
    void theHeaderNamesTheColumnsInAnyOrderAndCase() {
        OrderFile file = read("""
                Amount,CURRENCY,userid,occurredAt,orderId
                7,EUR,u-2,2026-03-01,o-9
                """);

        OrderLine line = file.lines().get(0);
        assertThat(line.userId()).isEqualTo("u-2");
        assertThat(line.orderId()).isEqualTo("o-9");
        assertThat(line.amount()).isEqualTo(new BigDecimal("7.00"));
        assertThat(line.currency()).isEqualTo("EUR");
    }

    @Test
    void aFileWithoutTheHeaderIsRefusedWhole() {
        assertThatThrownBy(() -> read("u-1,o-1,2026-03-01T09:30:00Z,12.50,CNY\n"))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("header userId,orderId,occurredAt,amount,currency");
    }

    @Test
    void quotedFieldsMayHoldCommasAndDoubledQuotes() throws RejectedLine {
        assertThat(CsvFields.split("\"a,b\", \"say \"\"hi\"\"\" ,c,,\"\""))
                .containsExactly("a,b", "say \"hi\"", "c", "", "");
        OrderFile file = read("""
                userId,orderId,occurredAt,amount,currency
                "u-3","order ""7"", gift",2026-03-01T09:30:00Z,"1,5",USD
                "u-3","o-8",2026-03-01T09:30:00Z,"1.50",USD
                """);

        assertThat(file.badLines()).containsExactly(new BadLine(2, "bad amount '1,5': not a decimal number"));
        assertThat(file.lines()).extracting(OrderLine::orderId).containsExactly("o-8");
    }

    @Test
    void everyBadLineIsReportedWithItsNumberAndReasonAndTheOthersAreRead() {
        OrderFile file = read("""
                userId,orderId,occurredAt,amount,currency
                u-1,o-1,2026-03-01T09:30:00Z,ten,CNY
                u-1,o-2,2026-02-30,10.00,CNY
                ,o-3,2026-03-01T09:30:00Z,10.00,CNY
                u-1,o-4,2026-03-01T09:30:00Z,10.00
                u-1,o-5,2026-03-01T09:30:00Z,-1.00,CNY

                u-1,o-6,2026-03-01T09:30:00Z,1.001,CNY
                u-1,o-7,2026-03-01T09:30:00Z,1.00,yuan
                u 1,o-8,2026-03-01T09:30:00Z,1.00,CNY
                u-1,"o-9,2026-03-01T09:30:00Z,1.00,CNY
                u-1,o-10,2026-03-01T09:30:00Z,1.00,CNY
                """);

        assertThat(file.badLines()).extracting(BadLine::line, BadLine::reason).containsExactly(
                tuple(2, "bad amount 'ten': not a decimal number"),
                tuple(3, "bad date '2026-02-30': neither an ISO-8601 instant such as "
                                                       + "2026-03-01T09:30:00Z nor a date such as 2026-03-01"),
                tuple(4, "missing userId"),
                tuple(5, "wrong column count: 4 columns, expected 5 "
                                                       + "(userId,orderId,occurredAt,amount,currency)"),
                tuple(6, "bad amount '-1.00': negative"),
                tuple(8, "bad amount '1.001': more than two decimals"),
                tuple(9, "bad currency 'yuan': not an ISO-4217 code of three "
                                                       + "upper-case letters"),
                tuple(10, "userId 'u 1' must be 1 to 64 letters, digits or . _ : @ - "
                                                        + "and start with a letter or digit"),
                tuple(11, "unterminated quoted field (a field cannot span lines)"));
        assertThat(file.lines()).extracting(OrderLine::lineNumber).containsExactly(12);
        assertThat(file.dataLines()).as("blank lines are no data").isEqualTo(10);
    }

    @Test
    void aDateStandsForNoonOfThatDayInThePlatformsTimeZoneAndAnOffsetIsKept() {
        OrderFile file = read("""
                userId,orderId,occurredAt,amount,currency
                u-1,o-1,2026-03-01,1.00,CNY
                u-1,o-2,2026-03-01T23:30:00+08:00,1.00,CNY
                """);

        assertThat(file.lines().get(0).occurredAt()).isEqualTo(Instant.parse("2026-03-01T04:00:00Z"));
        assertThat(file.lines().get(1).occurredAt()).isEqualTo(Instant.parse("2026-03-01T15:30:00Z"));
        assertThat(file.lines().get(1).day()).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @Test
    void anEmptyCurrencyIsTheImportsDefaultAndAZeroAmountIsAVisit() {
        OrderLine line = read("""
                userId,orderId,occurredAt,amount,currency
                u-1,o-1,2026-03-01,0,
                """).lines().get(0);

        assertThat(line.currency()).isEqualTo("USD");
        assertThat(line.isVisit()).isTrue();
    }

    @Test
    void linesWithoutAnOrderIdGetTheSameDerivedIdsEveryTimeAndIdenticalLinesDifferentOnes() {
        String csv = """
                userId,orderId,occurredAt,amount,currency
                u-1,,2026-03-01,12.5,CNY
                u-1,,2026-03-01,12.50,CNY
                u-1,,2026-03-01,12.50,USD
                u-2,,2026-03-01,12.50,CNY
                """;

        List<String> first = read(csv).lines().stream().map(OrderLine::orderId).toList();
        List<String> second = read(csv).lines().stream().map(OrderLine::orderId).toList();

        assertThat(first).isEqualTo(second).doesNotHaveDuplicates().allMatch(id -> id.matches("csv-[0-9a-f]{32}"));
        assertThat(read("""
                userId,orderId,occurredAt,amount,currency
                u-2,,2026-03-01T04:00:00Z,12.50,CNY
                """).lines().get(0).orderId()).as("the same purchase written as an instant").isEqualTo(first.get(3));
    }

    private static OrderFile read(String text) {
        return OrderFile.read("orders.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                              ImportFormat.CSV.reader(SHANGHAI, "USD"));
    }
}
