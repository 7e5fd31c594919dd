package dev.userlifecycle.query.facts;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.userlifecycle.events.AcquisitionChannel;
import dev.userlifecycle.events.ActivityKind;
import dev.userlifecycle.events.Channel;
import dev.userlifecycle.events.Money;
import dev.userlifecycle.events.OutreachContactRecorded;
import dev.userlifecycle.events.OutreachStepSkipped;
import dev.userlifecycle.events.PurchaseMade;
import dev.userlifecycle.events.UserActiveOnDay;
import dev.userlifecycle.events.UserRegistered;
import dev.userlifecycle.events.UserWentDormant;
import dev.userlifecycle.events.WakeUpCampaignEnded;
import dev.userlifecycle.events.WakeUpCampaignEntered;
import dev.userlifecycle.events.WakeUpOutcome;
import dev.userlifecycle.query.rebuild.Generations;
import dev.userlifecycle.query.retention.UserFacts;
import dev.userlifecycle.query.retention.WakeUpEntry;
import dev.userlifecycle.query.retention.WinBackFacts;
import dev.userlifecycle.query.store.ReadModels;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The facts projection without Spring: events in (alone or as a tracking batch), documents and listener calls out. */
class UserFactsProjectionTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private final RecordingListener listener = new RecordingListener();
    private UserFactsProjection projection;
    private AnnotationEventHandlerAdapter handlers;
    private ReadModels readModels;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("test");
        readModels = new Generations(database);
        projection = new UserFactsProjection(readModels, ZONE, listener);
        handlers = new AnnotationEventHandlerAdapter(projection);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void registrationActivityAndPurchasesBecomeFactsInThePlatformsTimeZone() throws Exception {
        handle(registered("ann", null, "2026-02-28T17:00:00Z"), 0);
        handle(activeOn("ann", MARCH_1.plusDays(2)), 1);
        handle(purchase("ann", "o-1", "12.50", "2026-03-05T01:00:00Z"), 2);

        UserFacts facts = facts("ann");
        assertThat(facts.registeredDay()).as("17:00 UTC is 01:00 on March 1st in Shanghai")
                                         .isEqualTo(MARCH_1.toEpochDay());
        assertThat(facts.activeDays()).containsExactly((int) MARCH_1.toEpochDay(), (int) MARCH_1.plusDays(2).toEpochDay(),
                                                       (int) MARCH_1.plusDays(4).toEpochDay());
        assertThat(facts.purchaseAmounts()).containsExactly(1250L);
    }

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        handle(registered("ann", null, "2026-03-01T02:00:00Z"), 0);
        handle(purchase("ann", "o-1", "12.50", "2026-03-05T01:00:00Z"), 1);
        Document before = stored("ann");
        int calls = listener.replacements.size();

        handle(purchase("ann", "o-1", "12.50", "2026-03-05T01:00:00Z"), 1);

        assertThat(stored("ann")).isEqualTo(before);
        assertThat(listener.replacements).hasSize(calls);
    }

    @Test
    void aReferredUserKnowsTheReferrersRegistrationDay() throws Exception {
        handle(registered("ann", null, "2026-03-01T02:00:00Z"), 0);
        handle(registered("bob", "ann", "2026-03-03T02:00:00Z"), 0);

        assertThat(StoredFacts.from(stored("bob")).referrerRegisteredDay()).isEqualTo(MARCH_1.toEpochDay());
    }

    @Test
    void aBatchIsReadOnceAndWrittenWhileItsLastEventIsHandled() throws Exception {
        List<DomainEventMessage<?>> batch = List.of(message(registered("ann", null, "2026-03-01T02:00:00Z"), 0),
                                                    message(registered("bob", "ann", "2026-03-02T02:00:00Z"), 0),
                                                    message(activeOn("ann", MARCH_1.plusDays(1)), 1));
        List<Long> storedWhileHandling = new ArrayList<>();

        new BatchingUnitOfWork<>(batch).executeWithResult(() -> {
            handlers.handle((DomainEventMessage<?>) CurrentUnitOfWork.get().getMessage());
            storedWhileHandling.add(database.getCollection(StoredFacts.COLLECTION).countDocuments());
            return null;
        });

        assertThat(storedWhileHandling).containsExactly(0L, 0L, 2L);
        assertThat(facts("ann").activeDays()).hasSize(2);
        assertThat(StoredFacts.from(stored("bob")).referrerRegisteredDay()).isEqualTo(MARCH_1.toEpochDay());
        assertThat(listener.replacements).as("one change per user, before and after the whole batch")
                                         .containsExactlyInAnyOrder("null -> ann@1", "null -> bob@0");
    }

    @Test
    void dormanciesAndWakeUpCampaignsBecomeFactsAndOutreachOfOtherCampaignsDoesNot() throws Exception {
        Instant dormant = Instant.parse("2026-03-31T18:00:00Z");
        handle(registered("ann", null, "2026-03-01T02:00:00Z"), 0);
        handle(new UserWentDormant("ann", dormant.minus(Duration.ofDays(30)), dormant), 1);
        handle(new WakeUpCampaignEntered("ann", "wake-1", false, dormant.plusSeconds(60)), 2);
        handle(new OutreachContactRecorded("ann", "wake-1", "push", Channel.PUSH, dormant.plusSeconds(120)), 3);
        handle(new OutreachStepSkipped("ann", "wake-1", "sms", Channel.SMS, "NO_CONSENT", dormant.plusSeconds(180)), 4);
        handle(new OutreachContactRecorded("ann", "incident-7", "apology", Channel.CALL, dormant.plusSeconds(240)), 5);
        handle(new WakeUpCampaignEnded("ann", "wake-1", WakeUpOutcome.EXPIRED, dormant.plus(Duration.ofDays(9))), 6);

        WinBackFacts facts = StoredFacts.from(stored("ann")).toWinBack();

        int april1 = (int) LocalDate.of(2026, 4, 1).toEpochDay();
        assertThat(facts.dormancyDays()).as("18:00 UTC is April 1st in Shanghai").containsExactly(april1);
        assertThat(facts.wakeUps()).containsExactly(new WakeUpEntry(
                "wake-1", april1, false, List.of("push"), List.of(new WakeUpEntry.Skip("sms", "NO_CONSENT")),
                WakeUpOutcome.EXPIRED));
        assertThat(stored("ann").getList("dormancies", Document.class).get(0).getString("at"))
                .isEqualTo("2026-03-31T18:00:00Z");
    }

    @Test
    void theCodecReadsTheSameWinBackFactsAsTheDocument() throws Exception {
        Instant dormant = Instant.parse("2026-04-01T02:00:00Z");
        handle(registered("ann", null, "2026-03-01T02:00:00Z"), 0);
        handle(new UserWentDormant("ann", dormant.minus(Duration.ofDays(30)), dormant), 1);
        handle(new WakeUpCampaignEntered("ann", "wake-1", true, dormant), 2);
        handle(new OutreachStepSkipped("ann", "wake-1", "sms", Channel.SMS, "HOLDOUT", dormant), 3);
        handle(new WakeUpCampaignEnded("ann", "wake-1", WakeUpOutcome.REACTIVATED, dormant.plusSeconds(9_000)), 4);

        FactsCodec.Decoded decoded = FactsCodec.collection(readModels).find().first();

        assertThat(decoded.winBack()).isEqualTo(StoredFacts.from(stored("ann")).toWinBack());
        assertThat(decoded.winBack().wakeUps()).singleElement()
                                               .extracting(WakeUpEntry::outcome).isEqualTo(WakeUpOutcome.REACTIVATED);
        assertThat(StoredFacts.toWinBack(stored("ann"))).isEqualTo(decoded.winBack());
    }

    @Test
    void aRedeliveredOutreachEventChangesNothing() throws Exception {
        handle(registered("ann", null, "2026-03-01T02:00:00Z"), 0);
        handle(new WakeUpCampaignEntered("ann", "wake-1", false, Instant.parse("2026-04-01T02:00:00Z")), 1);
        OutreachContactRecorded contacted = new OutreachContactRecorded("ann", "wake-1", "push", Channel.PUSH,
                                                                        Instant.parse("2026-04-01T03:00:00Z"));
        handle(contacted, 2);
        Document before = stored("ann");

        handle(contacted, 2);

        assertThat(stored("ann")).isEqualTo(before);
    }

    @Test
    void aResetDropsTheFactsAndTellsTheListener() throws Exception {
        handle(registered("ann", null, "2026-03-01T02:00:00Z"), 0);

        projection.reset();

        assertThat(database.getCollection(StoredFacts.COLLECTION).countDocuments()).isZero();
        assertThat(listener.resets).isEqualTo(1);
    }

    private void handle(Object event, long sequence) throws Exception {
        handlers.handle(message(event, sequence));
    }

    private static DomainEventMessage<?> message(Object event, long sequence) {
        String userId = event instanceof dev.userlifecycle.events.UserEvent user ? user.userId() : "?";
        return new GenericDomainEventMessage<>("User", userId, sequence, event);
    }

    private Document stored(String userId) {
        return database.getCollection(StoredFacts.COLLECTION).find(new Document("_id", userId)).first();
    }

    private UserFacts facts(String userId) {
        return StoredFacts.toFacts(stored(userId));
    }

    private static UserRegistered registered(String userId, String referrerId, String at) {
        return new UserRegistered(userId, new AcquisitionChannel("app-store", "cpc", "spring"), referrerId, null, null,
                                  null, Instant.parse(at));
    }

    private static UserActiveOnDay activeOn(String userId, LocalDate day) {
        return new UserActiveOnDay(userId, day, ActivityKind.LOGIN, day.atTime(10, 0).atZone(ZONE).toInstant());
    }

    private static PurchaseMade purchase(String userId, String orderId, String amount, String at) {
        return new PurchaseMade(userId, orderId, Money.of(amount, "CNY"), Instant.parse(at), false);
    }

    private static final class RecordingListener implements FactsListener {

        final List<String> replacements = new ArrayList<>();
        int resets;

        @Override
        public void beforeWrite() {
        }

        @Override
        public void replaced(StoredFacts before, StoredFacts after) {
            replacements.add((before == null ? "null" : before.userId() + "@" + before.sequence()) + " -> "
                             + after.userId() + "@" + after.sequence());
        }

        @Override
        public void reset() {
            resets++;
        }

        @Override
        public void writeFailed() {
        }
    }
}
