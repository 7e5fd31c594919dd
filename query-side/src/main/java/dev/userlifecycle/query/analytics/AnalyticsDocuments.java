package dev.userlifecycle.query.analytics;

import dev.userlifecycle.query.retention.CohortBasis;
import dev.userlifecycle.query.retention.CohortDayCounts;
import dev.userlifecycle.query.retention.DormancyDay;
import dev.userlifecycle.query.retention.Granularity;
import dev.userlifecycle.query.retention.KpiDay;
import dev.userlifecycle.query.retention.LifecycleCounts;
import dev.userlifecycle.query.retention.WakeUpDay;
import dev.userlifecycle.query.retention.WakeUpEntry;
import org.bson.Document;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The precomputed documents of the {@value #COLLECTION} collection, all read by {@code _id}: {@code meta} (the end of
 * the data and the number of users), {@code retention:<basis>:<start day>}, {@code lifecycle:<granularity>},
 * {@code kpi:<day>}, {@code wakeup:<entry day>} with the index {@code wakeup:days} of the days that have one,
 * {@code dormancy:<day>} and {@code registrations} (users per registration day), days as epoch days.
 */
final class AnalyticsDocuments {

    static final String COLLECTION = AnalyticsStore.COLLECTION;
    static final String META = "meta";
    static final String WAKE_UP_DAYS = "wakeup:days";
    static final String REGISTRATIONS = "registrations";

    private AnalyticsDocuments() {
    }

    static String retentionId(CohortBasis basis, int startDay) {
        return "retention:" + basis.name() + ":" + startDay;
    }

    static String lifecycleId(Granularity interval) {
        return "lifecycle:" + interval.name();
    }

    static String kpiId(int day) {
        return "kpi:" + day;
    }

    static String wakeUpId(int day) {
        return "wakeup:" + day;
    }

    static String dormancyId(int day) {
        return "dormancy:" + day;
    }

    static Document meta(LocalDate lastDay, long users) {
        return new Document("_id", META).append("lastDay", lastDay == null ? null : lastDay.toString())
                                       .append("users", users);
    }

    static Document retention(CohortBasis basis, CohortDayCounts counts) {
        return new Document("_id", retentionId(basis, counts.startDay()))
                .append("size", counts.size())
                .append("days", Packed.ints(counts.activeDays()))
                .append("weeks", Packed.ints(counts.activeWeeks()))
                .append("months", Packed.ints(counts.activeMonths()))
                .append("lastActive", Packed.ints(counts.lastActive()));
    }

    /**
     * The counters of a start day with the data ending on {@code asOf}. The document holds no end of its own: it is
     * written when its users change and stays exact as the data goes on, so the same facts give the same document
     * whenever it was written.
     */
    static CohortDayCounts retention(Document document, LocalDate asOf) {
        String id = document.getString("_id");
        int startDay = Integer.parseInt(id.substring(id.lastIndexOf(':') + 1));
        return new CohortDayCounts(startDay, asOf, document.getInteger("size"),
                                   Packed.ints(document.get("days")), Packed.ints(document.get("weeks")),
                                   Packed.ints(document.get("months")), Packed.ints(document.get("lastActive")));
    }

    static Document lifecycle(LifecycleCounts counts) {
        return new Document("_id", lifecycleId(counts.interval()))
                .append("firstBucket", counts.firstBucket())
                .append("active", Packed.ints(counts.active()))
                .append("new", Packed.ints(counts.newUsers()))
                .append("returning", Packed.ints(counts.returning()));
    }

    static LifecycleCounts lifecycle(Granularity interval, Document document) {
        if (document == null) {
            return LifecycleCounts.empty(interval);
        }
        return new LifecycleCounts(interval, document.getInteger("firstBucket"), Packed.ints(document.get("active")),
                                   Packed.ints(document.get("new")), Packed.ints(document.get("returning")));
    }

    static Document kpi(KpiDay day) {
        return new Document("_id", kpiId(day.day()))
                .append("day", day.day())
                .append("registered", day.registered())
                .append("nextDayActive", day.nextDayActive())
                .append("purchases", day.purchases())
                .append("cents", day.cents())
                .append("activations", Packed.longs(day.activations()))
                .append("activeGaps", Packed.longs(day.activeGaps()))
                .append("buys", Packed.longs(day.buys()))
                .append("referrals", Packed.longs(day.referrals()));
    }

    static KpiDay kpi(Document document) {
        return new KpiDay(document.getInteger("day"), document.getInteger("registered"),
                          document.getInteger("nextDayActive"), document.getInteger("purchases"),
                          ((Number) document.get("cents")).longValue(), Packed.longs(document.get("activations")),
                          Packed.longs(document.get("activeGaps")), Packed.longs(document.get("buys")),
                          Packed.longs(document.get("referrals")));
    }

    static Document wakeUpDays(int[] days) {
        return new Document("_id", WAKE_UP_DAYS).append("days", Packed.ints(days));
    }

    static int[] wakeUpDays(Document document) {
        return document == null ? new int[0] : Packed.ints(document.get("days"));
    }

    static Document wakeUp(WakeUpDay day) {
        List<Document> contacted = day.contacted().entrySet().stream()
                .map(step -> new Document("step", step.getKey()).append("users", step.getValue()))
                .toList();
        List<Document> skipped = day.skipped().entrySet().stream()
                .map(skip -> new Document("step", skip.getKey().step()).append("reason", skip.getKey().reason())
                                                                     .append("users", skip.getValue()))
                .toList();
        return new Document("_id", wakeUpId(day.day()))
                .append("day", day.day())
                .append("treatment", outcomes(day.treatment()))
                .append("holdout", outcomes(day.holdout()))
                .append("contacted", contacted)
                .append("skipped", skipped);
    }

    private static Document outcomes(WakeUpDay.Outcomes outcomes) {
        return new Document("entered", outcomes.entered()).append("reactivated", outcomes.reactivated())
                                                          .append("expired", outcomes.expired());
    }

    static WakeUpDay wakeUp(Document document) {
        SortedMap<String, Integer> contacted = new TreeMap<>();
        for (Document step : document.getList("contacted", Document.class)) {
            contacted.put(step.getString("step"), step.getInteger("users"));
        }
        SortedMap<WakeUpEntry.Skip, Integer> skipped = new TreeMap<>();
        for (Document skip : document.getList("skipped", Document.class)) {
            skipped.put(new WakeUpEntry.Skip(skip.getString("step"), skip.getString("reason")),
                        skip.getInteger("users"));
        }
        return new WakeUpDay(document.getInteger("day"), outcomes(document.get("treatment", Document.class)),
                             outcomes(document.get("holdout", Document.class)), contacted, skipped);
    }

    private static WakeUpDay.Outcomes outcomes(Document document) {
        return new WakeUpDay.Outcomes(document.getInteger("entered"), document.getInteger("reactivated"),
                                      document.getInteger("expired"));
    }

    static Document dormancy(DormancyDay day) {
        return new Document("_id", dormancyId(day.day())).append("day", day.day())
                                                         .append("users", Packed.longs(day.users()));
    }

    static DormancyDay dormancy(Document document) {
        return new DormancyDay(document.getInteger("day"), Packed.longs(document.get("users")));
    }

    static Document registrations(long[] usersPerDay) {
        return new Document("_id", REGISTRATIONS).append("users", Packed.longs(usersPerDay));
    }

    static long[] registrations(Document document) {
        return document == null ? new long[0] : Packed.longs(document.get("users"));
    }
}
