package dev.userlifecycle.query.analytics;

import dev.userlifecycle.query.retention.CohortBasis;
import dev.userlifecycle.query.retention.CohortDayCounts;
import dev.userlifecycle.query.retention.Granularity;
import dev.userlifecycle.query.retention.KpiDay;
import dev.userlifecycle.query.retention.LifecycleCounts;
import org.bson.Document;

import java.time.LocalDate;

/**
 * The precomputed documents of the {@value #COLLECTION} collection, all read by {@code _id}: {@code meta} (the end of
 * the data and the number of users), {@code retention:<basis>:<start day>}, {@code lifecycle:<granularity>} and
 * {@code kpi:<day>}, days as epoch days.
 */
final class AnalyticsDocuments {

    static final String COLLECTION = "analytics";
    static final String META = "meta";

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
}
