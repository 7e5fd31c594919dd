package dev.userlifecycle.query.analytics;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.userlifecycle.events.IncidentView;
import dev.userlifecycle.query.facts.StoredFacts;
import dev.userlifecycle.query.retention.ChurnCounts;
import dev.userlifecycle.query.retention.DormancyDay;
import dev.userlifecycle.query.retention.WinBackFacts;
import dev.userlifecycle.query.store.ReadModels;
import org.bson.Document;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The churn comparison of an incident ({@link ChurnCounts}), when it is asked for: every user's dormancies and
 * registrations come from the precomputed documents (one {@code registrations} document and the
 * {@value ChurnCounts#WINDOW_DAYS} {@code dormancy:<day>} documents of the window), the affected users' own from
 * their facts, read by {@code _id $in} and subtracted from them.
 * <p>
 * Reading the affected users' facts at query time, rather than keeping their dormancies per incident, keeps the
 * incident projection on the incident's stream alone: a per-incident count would have to follow the dormancies of
 * every affected user, events of other streams, in another processing group. An incident affects at most 10,000
 * users ({@code DeclareIncident}), which is ten reads of 1,000 ids, tens of milliseconds on the embedded server.
 */
public class ChurnReader {

    private static final int IDS_PER_READ = 1_000;

    private final ReadModels readModels;
    private final Clock clock;
    private final ZoneId zone;

    public ChurnReader(ReadModels readModels, Clock clock, ZoneId zone) {
        this.readModels = readModels;
        this.clock = clock;
        this.zone = zone;
    }

    public IncidentView.ChurnComparison churn(Instant declaredAt, Collection<String> affectedUserIds) {
        int declaredDay = (int) LocalDate.ofInstant(declaredAt, zone).toEpochDay();
        List<String> ids = new ArrayList<>();
        for (int day = ChurnCounts.firstDay(declaredDay); day <= ChurnCounts.lastDay(declaredDay); day++) {
            ids.add(AnalyticsDocuments.dormancyId(day));
        }
        ids.add(AnalyticsDocuments.REGISTRATIONS);
        List<DormancyDay> days = new ArrayList<>();
        long[] registrations = new long[0];
        for (Document document : analytics().find(Filters.in("_id", ids))) {
            if (AnalyticsDocuments.REGISTRATIONS.equals(document.getString("_id"))) {
                registrations = AnalyticsDocuments.registrations(document);
            } else {
                days.add(AnalyticsDocuments.dormancy(document));
            }
        }
        ChurnCounts counts = ChurnCounts.fromCounters(registrations, days, affectedUserIds.size(),
                                                      affectedFacts(affectedUserIds), declaredDay);
        LocalDate lastDay = LocalDate.ofEpochDay(ChurnCounts.lastDay(declaredDay));
        Instant windowEndsAt = lastDay.plusDays(1).atStartOfDay(zone).toInstant();
        return new IncidentView.ChurnComparison(
                LocalDate.ofEpochDay(ChurnCounts.firstDay(declaredDay)), lastDay, windowEndsAt,
                !clock.instant().isBefore(windowEndsAt),
                new IncidentView.Group(counts.affected(), counts.affectedDormant(), counts.affectedRate()),
                new IncidentView.Group(counts.unaffected(), counts.unaffectedDormant(), counts.unaffectedRate()),
                counts.difference());
    }

    private List<WinBackFacts> affectedFacts(Collection<String> userIds) {
        List<String> ids = List.copyOf(userIds);
        List<WinBackFacts> facts = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_READ) {
            readModels.collection(StoredFacts.COLLECTION)
                    .find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + IDS_PER_READ))))
                    .projection(Projections.include("registeredDay", "dormancies"))
                    .forEach(document -> {
                        WinBackFacts user = StoredFacts.toWinBack(document);
                        if (user != null) {
                            facts.add(user);
                        }
                    });
        }
        return facts;
    }

    private MongoCollection<Document> analytics() {
        return readModels.collection(AnalyticsDocuments.COLLECTION);
    }
}
