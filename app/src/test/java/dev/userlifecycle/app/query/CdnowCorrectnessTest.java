package dev.userlifecycle.app.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.Http.Response;
import dev.userlifecycle.app.cdnow.CdnowHistory;
import dev.userlifecycle.app.cdnow.CdnowHistory.Line;
import dev.userlifecycle.app.cdnow.ExpectedCohorts;
import dev.userlifecycle.app.cdnow.ExpectedCohorts.Basis;
import dev.userlifecycle.app.cdnow.ExpectedCohorts.Row;
import dev.userlifecycle.app.cdnow.ExpectedRfm;
import dev.userlifecycle.app.importing.CdnowLines;
import dev.userlifecycle.app.importing.ImportFormat;
import dev.userlifecycle.app.importing.ImportOptions;
import dev.userlifecycle.app.importing.ImportProgress;
import dev.userlifecycle.app.importing.ImportReport;
import dev.userlifecycle.app.importing.ImportSource;
import dev.userlifecycle.app.importing.Importer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real CDNOW history (23,570 customers, 69,659 lines) imported with the importer, through the command side; the
 * read models must agree, figure for figure, with what the test computes from the file on its own
 * ({@code app.cdnow.Expected*}).
 * The app gets a database of its own, so no other test's users are counted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lifecycle.mongo.database=cdnow_${random.uuid}", "lifecycle.currency=USD"})
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CdnowCorrectnessTest {

    private static final int CUSTOMERS = 23_570;
    private static final int PURCHASES = 69_579;
    private static final int LINES = 69_659;
    private static final String CURRENCY = "USD";

    private final CdnowHistory history = CdnowHistory.load();
    private final Http http;
    private final Importer importer;
    private final ZoneId platformZone;
    private final MongoDatabase database;

    @Autowired
    CdnowCorrectnessTest(TestRestTemplate rest, Importer importer, ZoneId platformZone, MongoDatabase database) {
        this.http = new Http(rest);
        this.importer = importer;
        this.platformZone = platformZone;
        this.database = database;
    }

    @BeforeAll
    void importTheHistoryWithTheImporter() {
        ImportReport report = importer.run(ImportSource.classpath(CdnowHistory.RESOURCE),
                                           new ImportOptions(ImportFormat.CDNOW, CURRENCY, false),
                                           new ImportProgress());
        // the importer waited for the read models and wrote the analytics documents
        System.out.printf("CDNOW: %s; process CPU time so far %.0f s%n", report.summary(), cpuSeconds());
        assertThat(report.completed()).as(report.summary()).isTrue();
        assertThat(report.usersRegistered()).isEqualTo(CUSTOMERS);
        assertThat(report.imported()).isEqualTo(LINES);
        assertThat(report.bad()).isZero();
    }

    @Test
    void everyCustomerHasAProfileAndEveryPurchaseIsCounted() {
        long profiles = 0;
        long purchases = 0;
        BigDecimal spent = BigDecimal.ZERO;
        for (Document profile : database.getCollection("user_profiles").find()) {
            profiles++;
            purchases += ((Number) profile.get("purchaseCount")).longValue();
            Document total = profile.get("totalSpent", Document.class);
            if (total != null) {
                spent = spent.add(new BigDecimal(total.getString("amount")));
            }
        }

        assertThat(profiles).isEqualTo(CUSTOMERS);
        assertThat(purchases).isEqualTo(PURCHASES);
        assertThat(spent).isEqualByComparingTo(totalDollars());
    }

    @Test
    void profilesShowEachCustomersPurchasesAsInTheFile() {
        List<String> customers = List.of("00001", "00002", "00455", "08022", "23570");
        for (String customer : customers) {
            List<Line> lines = history.byCustomer().get(customer);
            Response response = http.get("/api/v1/users/" + CdnowLines.userId(customer));
            assertThat(response.status()).as(customer).isEqualTo(200);
            JsonNode profile = response.body();

            long purchases = lines.stream().filter(Line::isPurchase).count();
            assertThat(profile.path("purchaseCount").asLong()).as(customer).isEqualTo(purchases);
            if (purchases > 0) {
                BigDecimal spent = lines.stream().map(Line::dollars).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(new BigDecimal(profile.path("totalSpent").path("amount").asText())).as(customer)
                        .isEqualByComparingTo(spent);
                assertThat(profile.path("totalSpent").path("currency").asText()).isEqualTo(CURRENCY);
            }
            assertThat(profile.path("registeredAt").asText()).as(customer)
                    .isEqualTo(noonOf(lines.get(0)));
            assertThat(profile.path("lastActiveAt").asText()).as(customer)
                    .isEqualTo(noonOf(lines.get(lines.size() - 1)));
        }
    }

    @Test
    void monthlyRegistrationCohortsMatchTheFileInEveryCell() {
        assertCohortTableMatches("registration", Basis.REGISTRATION);
    }

    @Test
    void monthlyFirstPurchaseCohortsMatchTheFileInEveryCell() {
        assertCohortTableMatches("first-purchase", Basis.FIRST_PURCHASE);
    }

    private void assertCohortTableMatches(String basis, Basis expectedBasis) {
        LocalDate end = history.lastDate();
        LocalDate from = LocalDate.of(1997, 1, 1);
        List<Row> expected = ExpectedCohorts.monthly(history.byCustomer(), expectedBasis, from, end);

        Response response = http.get("/api/v1/retention?basis=" + basis + "&cohort=month&period=month&mode=on"
                                      + "&from=" + from + "&to=" + end);

        assertThat(response.status()).isEqualTo(200);
        JsonNode table = response.body();
        assertThat(table.path("asOf").asText()).isEqualTo(end.toString());
        JsonNode rows = table.path("rows");
        assertThat(rows).hasSize(expected.size());
        int users = 0;
        for (int i = 0; i < expected.size(); i++) {
            Row want = expected.get(i);
            JsonNode row = rows.get(i);
            String cohort = basis + " cohort " + want.cohortStart();
            assertThat(row.path("cohortStart").asText()).as(cohort).isEqualTo(want.cohortStart().toString());
            assertThat(row.path("size").asInt()).as(cohort + " size").isEqualTo(want.size());
            assertThat(ints(row.path("retained"))).as(cohort + " retained").isEqualTo(want.retained());
            assertThat(ints(row.path("eligible"))).as(cohort + " eligible")
                    .isEqualTo(want.retained().stream().map(cell -> want.size()).toList());
            for (int period = 0; period < want.retained().size(); period++) {
                assertThat(new BigDecimal(row.path("rates").get(period).asText())).as(cohort + " rate " + period)
                        .isEqualByComparingTo(want.rate(period));
            }
            users += row.path("size").asInt();
        }
        if (expectedBasis == Basis.REGISTRATION) {
            assertThat(users).isEqualTo(CUSTOMERS);
        }
    }

    @Test
    void aLayeringRunAsOfTheLastDayCountsRfmScoresAndSegmentsAsTheFileGives() {
        LocalDate end = history.lastDate();
        ExpectedRfm.Counts expected = ExpectedRfm.asOf(history.byCustomer(), end);

        Response response = http.post("/api/v1/layers/runs",
                                      "{\"asOf\": \"" + CdnowLines.occurredAt(end, platformZone) + "\"}");

        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        assertThat(response.body().path("users").asLong()).isEqualTo(CUSTOMERS);
        JsonNode rfm = response.body().path("rfm");
        for (int score = 1; score <= 5; score++) {
            String key = String.valueOf(score);
            assertThat(rfm.path("recency").path(key).asInt()).as("R = " + key).isEqualTo(expected.recency()[score - 1]);
            assertThat(rfm.path("frequency").path(key).asInt()).as("F = " + key)
                    .isEqualTo(expected.frequency()[score - 1]);
            assertThat(rfm.path("monetary").path(key).asInt()).as("M = " + key)
                    .isEqualTo(expected.monetary()[score - 1]);
        }
        rfm.path("segments").fields().forEachRemaining(segment -> assertThat(segment.getValue().asInt())
                .as(segment.getKey()).isEqualTo(expected.segments().getOrDefault(segment.getKey(), 0)));
        assertThat(expected.segments().keySet()).allSatisfy(name -> assertThat(rfm.path("segments").has(name)).isTrue());
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asInt()));
        return values;
    }

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                       .getProcessCpuTime() / 1e9;
    }

    private String noonOf(Line line) {
        return CdnowLines.occurredAt(line.date(), platformZone).toString();
    }

    private BigDecimal totalDollars() {
        return history.lines().stream().map(Line::dollars).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
