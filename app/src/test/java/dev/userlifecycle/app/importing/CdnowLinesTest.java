package dev.userlifecycle.app.importing;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CdnowLinesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aMasterLineIsAnOrderOfItsCustomerNamedByItsLineNumberAtNoonOfItsDay() {
        OrderFile file = read("""
                 customer_id  date number_of_cds  dollar_value\r
                 00001 19970101  1   11.77\r
                 00455 19970102  1    0.00\r
                """);

        assertThat(file.badLines()).isEmpty();
        assertThat(file.lines()).containsExactly(
                new OrderLine(2, "cdnow-00001", "cdnow-2", Instant.parse("1997-01-01T04:00:00Z"),
                              LocalDate.of(1997, 1, 1), new BigDecimal("11.77"), "USD"),
                new OrderLine(3, "cdnow-00455", "cdnow-3", Instant.parse("1997-01-02T04:00:00Z"),
                              LocalDate.of(1997, 1, 2), new BigDecimal("0.00"), "USD"));
        assertThat(file.lines().get(1).isVisit()).isTrue();
    }

    @Test
    void aSampleLineHasNoHeaderAndIsTheOrderOfTheOriginalCustomer() {
        OrderFile file = read(" 00004 0001 19970101  2   29.33\n");

        assertThat(file.lines()).extracting(OrderLine::lineNumber, OrderLine::userId, OrderLine::orderId)
                .containsExactly(tuple(1, "cdnow-00004", "cdnow-1"));
    }

    @Test
    void badLinesAreReportedWithTheirReason() {
        OrderFile file = read("""
                customer_id date number_of_cds dollar_value
                00001 19970101 1
                00001 19971301 1 1.00
                00001 19970101 1 $1.00
                x0001 19970101 1 1.00
                00001 19970101 one 1.00
                00001 19970102 1 1.00
                """);

        assertThat(file.badLines()).extracting(BadLine::line).containsExactly(2, 3, 4, 5, 6);
        assertThat(file.badLines().get(0).reason()).startsWith("wrong column count: 3 columns");
        assertThat(file.badLines().get(1).reason()).isEqualTo("bad date '19971301': not a date yyyyMMdd");
        assertThat(file.badLines().get(2).reason()).isEqualTo("bad amount '$1.00': not a decimal number");
        assertThat(file.badLines().get(3).reason()).isEqualTo("bad customer_id 'x0001': not digits");
        assertThat(file.badLines().get(4).reason()).isEqualTo("bad number_of_cds 'one': not a whole number");
        assertThat(file.lines()).extracting(OrderLine::lineNumber).containsExactly(7);
    }

    private static OrderFile read(String text) {
        return OrderFile.read("CDNOW.txt", new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)),
                              ImportFormat.CDNOW.reader(SHANGHAI, "USD"));
    }
}
