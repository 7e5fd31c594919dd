package dev.userlifecycle.app.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.Http.Response;
import dev.userlifecycle.app.cdnow.CdnowHistory;
import dev.userlifecycle.app.cdnow.CdnowHistory.Line;
import dev.userlifecycle.app.cdnow.CdnowImport;
import dev.userlifecycle.app.cdnow.ProjectionCatchUp;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real CDNOW history (23,570 customers, 69,659 lines) imported through the command side; the read models must
 * agree, figure for figure, with what the test computes from the file on its own ({@code app.cdnow.Expected*}).
 * The app gets a database of its own, so no other test's users are counted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lifecycle.mongo.database=cdnow_${random.uuid}")
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CdnowCorrectnessTest {

    private static final int CUSTOMERS = 23_570;
    private static final int PURCHASES = 69_579;
    private static final int IMPORT_THREADS = 4;

    private final CdnowHistory history = CdnowHistory.load();
    private final Http http;
    private final CommandGateway commandGateway;
    private final ZoneId platformZone;
    private final ProjectionCatchUp catchUp;
    private final MongoDatabase database;

    @Autowired
    CdnowCorrectnessTest(TestRestTemplate rest, CommandGateway commandGateway, ZoneId platformZone,
                         EventProcessingConfiguration processing, EventStore eventStore, MongoDatabase database) {
        this.http = new Http(rest);
        this.commandGateway = commandGateway;
        this.platformZone = platformZone;
        this.catchUp = new ProjectionCatchUp(processing, eventStore);
        this.database = database;
    }

    @BeforeAll
    void importTheHistoryThroughTheCommandSide() throws InterruptedException {
        CdnowImport.Result result = new CdnowImport(commandGateway, platformZone).run(history, IMPORT_THREADS);
        long head = catchUp.await(Duration.ofSeconds(90));
        System.out.printf("CDNOW: %,d commands in %.1f s (%,.0f/s); projections at the head %,d%n",
                          result.commands(), result.seconds(), result.commandsPerSecond(), head);
        assertThat(result.users()).isEqualTo(CUSTOMERS);
        assertThat(result.purchases()).isEqualTo(PURCHASES);
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
            Response response = http.get("/api/v1/users/" + CdnowImport.userId(customer));
            assertThat(response.status()).as(customer).isEqualTo(200);
            JsonNode profile = response.body();

            long purchases = lines.stream().filter(Line::isPurchase).count();
            assertThat(profile.path("purchaseCount").asLong()).as(customer).isEqualTo(purchases);
            if (purchases > 0) {
                BigDecimal spent = lines.stream().map(Line::dollars).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(profile.path("totalSpent").path("amount").decimalValue()).as(customer)
                                                                                    .isEqualByComparingTo(spent);
                assertThat(profile.path("totalSpent").path("currency").asText()).isEqualTo(CdnowImport.CURRENCY);
            }
            assertThat(profile.path("registeredAt").asText()).as(customer)
                    .isEqualTo(noonOf(lines.get(0)));
            assertThat(profile.path("lastActiveAt").asText()).as(customer)
                    .isEqualTo(noonOf(lines.get(lines.size() - 1)));
        }
    }

    private String noonOf(Line line) {
        return CdnowImport.occurredAt(line.date(), platformZone).toString();
    }

    private BigDecimal totalDollars() {
        return history.lines().stream().map(Line::dollars).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
