package dev.userlifecycle.app.importing;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.userlifecycle.events.AuditMetadata;
import dev.userlifecycle.events.PurchaseMade;
import dev.userlifecycle.events.UserActiveOnDay;
import dev.userlifecycle.events.UserRegistered;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import stopped half-way (cancelled while lines are in flight on four threads), whose checkpoint is then set
 * back as if the process had died before writing its latest one, and resumed: the store holds exactly one
 * registration per customer, one purchase per purchase line and one active day per customer and day of the file.
 * The app gets a database of its own, so the whole event store is this test's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"lifecycle.mongo.database=import_resume_${random.uuid}", "lifecycle.import.batch-size=20",
                "lifecycle.import.threads=4", "lifecycle.import.checkpoint-interval=50ms"})
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ImportResumeTest {

    private static final int LINES = 2_000;

    @Autowired
    Importer importer;
    @Autowired
    EventStore eventStore;
    @Autowired
    MongoDatabase database;
    @Autowired
    ZoneId platformZone;

    @Test
    void anImportStoppedHalfWayAndResumedFromAnOlderCheckpointStoresEveryLineOnce(@TempDir Path folder)
            throws InterruptedException {
        Path file = CdnowSlice.write(folder, LINES);
        ImportOptions options = new ImportOptions(ImportFormat.CDNOW, "USD", false);
        List<OrderLine> lines = ImportSource.of(file).read(ImportFormat.CDNOW.reader(platformZone, "USD")).lines();

        ImportProgress first = new ImportProgress();
        Thread stopper = new Thread(() -> {
            while (first.processed() < LINES * 2 / 5) {
                Thread.onSpinWait();
            }
            first.cancel();
        });
        stopper.start();
        ImportReport stopped = importer.run(ImportSource.of(file), options, first);
        stopper.join();

        assertThat(stopped.outcome()).isEqualTo("CANCELLED");
        assertThat(stopped.imported()).isBetween(LINES * 2 / 5, LINES - 1);
        int committed = checkpoint().getInteger("committedThrough");
        assertThat(committed).as("the checkpoint of the stopped run: the lines all of whose predecessors are stored")
                             .isBetween(0, LINES);
        assertThat(checkpoint().getBoolean("completed")).isFalse();

        int olderCheckpoint = committed / 2;
        database.getCollection(ImportCheckpoints.COLLECTION)
                .updateOne(Filters.exists("_id"), Updates.set("committedThrough", olderCheckpoint));
        ImportReport resumed = importer.run(ImportSource.of(file), options, new ImportProgress());

        assertThat(resumed.outcome()).isEqualTo("COMPLETED");
        assertThat(resumed.skippedByCheckpoint())
                .isEqualTo((int) lines.stream().filter(line -> line.lineNumber() <= olderCheckpoint).count());
        assertThat(resumed.alreadyPresent()).as("lines the stopped run had stored, sent again")
                .isGreaterThan(resumed.skippedByCheckpoint());
        assertThat(resumed.bad()).isZero();
        assertThat(checkpoint().getInteger("committedThrough")).isEqualTo(LINES + 1);
        assertThat(checkpoint().getBoolean("completed")).isTrue();
        assertEveryLineIsStoredOnce(lines);

        long head = eventStore.createHeadToken().position().orElseThrow();
        ImportReport again = importer.run(ImportSource.of(file), new ImportOptions(ImportFormat.CDNOW, "USD", true),
                                          new ImportProgress());
        assertThat(again.outcome()).isEqualTo("COMPLETED");
        assertThat(again.usersExisting()).isEqualTo(again.usersRegistered() + again.usersExisting())
                                         .isEqualTo(customers(lines).size());
        assertThat(eventStore.createHeadToken().position().orElseThrow())
                .as("every line sent again from the start records nothing").isEqualTo(head);
        assertThat(importer.run(ImportSource.of(file), options, new ImportProgress()).skippedByCheckpoint())
                .as("a completed file is skipped whole").isEqualTo(LINES);
    }

    private void assertEveryLineIsStoredOnce(List<OrderLine> lines) {
        Map<String, Integer> registrations = new HashMap<>();
        Map<String, Integer> purchases = new HashMap<>();
        Map<String, Integer> activeDays = new HashMap<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable()) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                Object payload = event.getPayload();
                if (payload instanceof UserRegistered || payload instanceof PurchaseMade) {
                    assertThat(event.getMetaData()).as("who caused %s", payload)
                            .containsEntry(AuditMetadata.SOURCE, AuditMetadata.IMPORT)
                            .containsEntry(AuditMetadata.PRINCIPAL, "importer")
                            .containsKeys(AuditMetadata.CORRELATION_ID, AuditMetadata.CAUSATION_ID);
                }
                if (payload instanceof UserRegistered registered) {
                    registrations.merge(registered.userId(), 1, Integer::sum);
                } else if (payload instanceof PurchaseMade purchase) {
                    purchases.merge(purchase.userId() + "/" + purchase.orderId(), 1, Integer::sum);
                } else if (payload instanceof UserActiveOnDay active) {
                    activeDays.merge(active.userId() + "/" + active.day(), 1, Integer::sum);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(registrations).containsOnlyKeys(customers(lines)).allSatisfy((user, count) -> assertThat(count)
                .as(user).isEqualTo(1));
        Set<String> purchaseLines = lines.stream().filter(line -> !line.isVisit())
                                         .map(line -> line.userId() + "/" + line.orderId())
                                         .collect(Collectors.toSet());
        assertThat(purchases).containsOnlyKeys(purchaseLines).allSatisfy((order, count) -> assertThat(count)
                .as(order).isEqualTo(1));
        Set<String> days = lines.stream().map(line -> line.userId() + "/" + line.day()).collect(Collectors.toSet());
        assertThat(activeDays).containsOnlyKeys(days).allSatisfy((day, count) -> assertThat(count)
                .as(day).isEqualTo(1));
    }

    private static Set<String> customers(List<OrderLine> lines) {
        return lines.stream().map(OrderLine::userId).collect(Collectors.toCollection(HashSet::new));
    }

    private Document checkpoint() {
        List<Document> all = database.getCollection(ImportCheckpoints.COLLECTION).find().into(new ArrayList<>());
        assertThat(all).hasSize(1);
        return all.get(0);
    }
}
