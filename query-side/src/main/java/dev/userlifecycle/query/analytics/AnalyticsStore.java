package dev.userlifecycle.query.analytics;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import dev.userlifecycle.query.facts.FactsCodec;
import dev.userlifecycle.query.facts.FactsListener;
import dev.userlifecycle.query.facts.StoredFacts;
import dev.userlifecycle.query.retention.AnalyticsCounters;
import dev.userlifecycle.query.retention.CohortBasis;
import dev.userlifecycle.query.retention.CohortDayCounts;
import dev.userlifecycle.query.retention.DormancyDay;
import dev.userlifecycle.query.retention.Granularity;
import dev.userlifecycle.query.retention.KpiDay;
import dev.userlifecycle.query.retention.UserFacts;
import dev.userlifecycle.query.retention.WakeUpDay;
import dev.userlifecycle.query.store.ReadModels;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The precomputed retention, lifecycle, KPI, wake-up funnel and churn documents, derived from the users' facts. The
 * counters live in memory ({@link AnalyticsCounters}) and follow every write of the facts projection; {@link #flush}
 * writes the documents that changed. After a start, a crash or a failed write the counters are rebuilt from the
 * stored facts, one pass over {@value StoredFacts#COLLECTION}, before the projection writes again: the facts are the
 * truth, the counters and the documents are only ever derived from them, so nothing is counted twice or lost.
 */
public class AnalyticsStore implements FactsListener {

    public static final String COLLECTION = "analytics";

    private static final Logger logger = LoggerFactory.getLogger(AnalyticsStore.class);
    private static final int WRITES_PER_BULK = 500;

    private final ReadModels readModels;
    private AnalyticsCounters counters = new AnalyticsCounters();
    private volatile boolean loaded;

    public AnalyticsStore(ReadModels readModels) {
        this.readModels = readModels;
    }

    @Override
    public void beforeWrite() {
        if (!loaded) {
            ensureLoaded();
        }
    }

    private synchronized void ensureLoaded() {
        if (!loaded) {
            rebuild();
        }
    }

    /** Rebuilds the counters from every stored user's facts and marks every document for the next flush. */
    public synchronized void rebuild() {
        long started = System.nanoTime();
        AnalyticsCounters rebuilt = new AnalyticsCounters();
        for (FactsCodec.Decoded stored : FactsCodec.collection(readModels).find().batchSize(5_000)) {
            if (stored.facts() != null) {
                rebuilt.replace(null, UserFacts.NONE, stored.facts(), stored.referrerRegisteredDay());
                rebuilt.replace(null, stored.winBack());
            }
        }
        rebuilt.markAllChanged();
        counters = rebuilt;
        loaded = true;
        logger.info("Analytics counters rebuilt from the facts of {} users in {} ms", rebuilt.users(),
                    (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public synchronized void replaced(StoredFacts before, StoredFacts after) {
        UserFacts old = before == null ? null : before.toFacts();
        counters.replace(old, before == null ? UserFacts.NONE : before.referrerRegisteredDay(), after.toFacts(),
                         after.referrerRegisteredDay());
        counters.replace(before == null ? null : before.toWinBack(), after.toWinBack());
    }

    @Override
    public synchronized void reset() {
        collection().drop();
        counters = new AnalyticsCounters();
        loaded = true;
    }

    /**
     * Takes over the counters of {@code rebuilt}, a store that followed a rebuilt copy of the facts: writes what it
     * has not written yet, runs {@code switchOver} (which points the read models at the copy) and from then on counts
     * on with the copy's counters. Holding this store meanwhile keeps a flush from writing the old counters into the
     * copy's documents.
     */
    public synchronized void takeOver(AnalyticsStore rebuilt, Runnable switchOver) {
        synchronized (rebuilt) {
            rebuilt.flush();
            switchOver.run();
            counters = rebuilt.counters;
            loaded = true;
            rebuilt.counters = new AnalyticsCounters();
            rebuilt.loaded = false;
        }
    }

    @Override
    public void writeFailed() {
        loaded = false;
    }

    /**
     * Writes every document whose counters changed since the last flush; answers how many it wrote. The first flush
     * of a process rebuilds the counters, so the documents are right after a crash even when no event follows.
     */
    public synchronized int flush() {
        ensureLoaded();
        AnalyticsCounters.Changes changes = counters.drainChanges();
        if (changes.isEmpty()) {
            return 0;
        }
        try {
            return write(changes);
        } catch (RuntimeException e) {
            counters.markAllChanged();
            throw e;
        }
    }

    private int write(AnalyticsCounters.Changes changes) {
        LocalDate lastDay = counters.lastDay();
        List<Document> documents = new ArrayList<>();
        List<String> emptied = new ArrayList<>();
        if (lastDay != null) {
            for (Map.Entry<CohortBasis, Set<Integer>> days : changes.cohortDays().entrySet()) {
                for (int day : days.getValue()) {
                    CohortDayCounts counts = counters.cohortDay(days.getKey(), day, lastDay);
                    if (counts != null) {
                        documents.add(AnalyticsDocuments.retention(days.getKey(), counts));
                    }
                }
            }
        }
        for (int day : changes.kpiDays()) {
            KpiDay counts = counters.kpiDay(day);
            if (counts != null) {
                documents.add(AnalyticsDocuments.kpi(counts));
            }
        }
        if (changes.lifecycle()) {
            for (Granularity interval : Granularity.values()) {
                documents.add(AnalyticsDocuments.lifecycle(counters.lifecycle(interval)));
            }
        }
        addWinBack(changes, documents, emptied);
        documents.add(AnalyticsDocuments.meta(lastDay, counters.users()));
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Document document : documents) {
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")), document,
                                             new ReplaceOptions().upsert(true)));
        }
        emptied.forEach(id -> writes.add(new DeleteOneModel<>(Filters.eq("_id", id))));
        for (int from = 0; from < writes.size(); from += WRITES_PER_BULK) {
            collection().bulkWrite(writes.subList(from, Math.min(writes.size(), from + WRITES_PER_BULK)),
                                   new BulkWriteOptions().ordered(false));
        }
        return writes.size();
    }

    /** A day whose last entry or dormancy was taken out loses its document, as a rebuild would never write it. */
    private void addWinBack(AnalyticsCounters.Changes changes, List<Document> documents, List<String> emptied) {
        for (int day : changes.wakeUpDays()) {
            WakeUpDay counts = counters.wakeUpDay(day);
            if (counts == null) {
                emptied.add(AnalyticsDocuments.wakeUpId(day));
            } else {
                documents.add(AnalyticsDocuments.wakeUp(counts));
            }
        }
        if (!changes.wakeUpDays().isEmpty()) {
            documents.add(AnalyticsDocuments.wakeUpDays(counters.wakeUpDays()));
        }
        for (int day : changes.dormancyDays()) {
            DormancyDay counts = counters.dormancyDay(day);
            if (counts == null) {
                emptied.add(AnalyticsDocuments.dormancyId(day));
            } else {
                documents.add(AnalyticsDocuments.dormancy(counts));
            }
        }
        if (changes.registrations()) {
            documents.add(AnalyticsDocuments.registrations(counters.registrations()));
        }
    }

    private MongoCollection<Document> collection() {
        return readModels.collection(COLLECTION);
    }
}
