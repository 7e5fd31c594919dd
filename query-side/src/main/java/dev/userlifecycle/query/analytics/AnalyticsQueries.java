package dev.userlifecycle.query.analytics;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.userlifecycle.events.FindKpis;
import dev.userlifecycle.events.FindLifecycle;
import dev.userlifecycle.events.FindRetention;
import dev.userlifecycle.events.FindWakeUpFunnel;
import dev.userlifecycle.events.GrowthKpis;
import dev.userlifecycle.events.LifecycleView;
import dev.userlifecycle.events.Money;
import dev.userlifecycle.events.RetentionRow;
import dev.userlifecycle.events.RetentionTable;
import dev.userlifecycle.events.WakeUpFunnel;
import dev.userlifecycle.query.retention.CohortBasis;
import dev.userlifecycle.query.retention.CohortCounts;
import dev.userlifecycle.query.retention.CohortDayCounts;
import dev.userlifecycle.query.retention.CohortTable;
import dev.userlifecycle.query.retention.Granularity;
import dev.userlifecycle.query.retention.KpiDay;
import dev.userlifecycle.query.retention.Kpis;
import dev.userlifecycle.query.retention.LifecycleComposition;
import dev.userlifecycle.query.retention.RetentionMode;
import dev.userlifecycle.query.retention.WakeUpDay;
import dev.userlifecycle.query.retention.WakeUpFunnels;
import dev.userlifecycle.query.store.ReadModels;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Answers retention, lifecycle, KPI and wake-up funnel queries from the precomputed documents of
 * {@link AnalyticsStore}: a handful of {@code _id} reads, then sums over days or buckets; never a pass over users or
 * events.
 */
public class AnalyticsQueries {

    private static final int IDS_PER_READ = 1_000;

    private final ReadModels readModels;
    private final Clock clock;
    private final ZoneId zone;
    private final String currency;

    public AnalyticsQueries(ReadModels readModels, Clock clock, ZoneId zone, String currency) {
        this.readModels = readModels;
        this.clock = clock;
        this.zone = zone;
        this.currency = currency;
    }

    @QueryHandler
    public RetentionTable handle(FindRetention query) {
        CohortBasis basis = AnalyticsNames.basis("basis", query.basis());
        Granularity cohort = AnalyticsNames.granularity("cohort", query.cohort());
        Granularity period = AnalyticsNames.granularity("period", query.period());
        RetentionMode mode = AnalyticsNames.mode("mode", query.mode());
        LocalDate asOf = lastDay();
        LocalDate to = query.to() != null ? query.to() : orToday(asOf);
        LocalDate from = query.from() != null ? query.from() : cohort.bucketStart(to).minus(11, unit(cohort));
        List<RetentionRow> rows = List.of();
        LocalDate tableTo = asOf == null || to.isBefore(asOf) ? to : asOf;
        if (asOf != null && !from.isAfter(tableTo)) {
            int firstDay = (int) cohort.bucketStart(from).toEpochDay();
            int lastDay = (int) Math.min(cohort.next(tableTo).toEpochDay() - 1, asOf.toEpochDay());
            List<String> ids = new ArrayList<>();
            for (int day = firstDay; day <= lastDay; day++) {
                ids.add(AnalyticsDocuments.retentionId(basis, day));
            }
            List<CohortDayCounts> days = new ArrayList<>();
            read(ids, document -> days.add(AnalyticsDocuments.retention(document, asOf)));
            CohortTable table = new CohortCounts(basis, asOf, days).table(cohort, period, mode, from, tableTo);
            rows = table.rows().stream()
                        .map(row -> new RetentionRow(row.cohortStart(), row.size(), row.retained(), row.eligible(),
                                                     row.rates()))
                        .toList();
        }
        return new RetentionTable(AnalyticsNames.name(basis), AnalyticsNames.name(cohort),
                                  AnalyticsNames.name(period), AnalyticsNames.name(mode), from, to, asOf, rows);
    }

    @QueryHandler
    public LifecycleView handle(FindLifecycle query) {
        Granularity interval = AnalyticsNames.granularity("interval", query.interval());
        LocalDate asOf = lastDay();
        LocalDate to = query.to() != null ? query.to() : orToday(asOf);
        LocalDate from = query.from() != null ? query.from() : interval.bucketStart(to).minus(12, unit(interval));
        Document stored = collection().find(Filters.eq("_id", AnalyticsDocuments.lifecycleId(interval))).first();
        LifecycleComposition composition = AnalyticsDocuments.lifecycle(interval, stored).composition(from, to);
        return new LifecycleView(AnalyticsNames.name(interval), from, to, asOf, composition.intervals().stream()
                .map(row -> new LifecycleView.LifecycleCounts(row.start(), row.newUsers(), row.returning(),
                                                              row.resurrecting(), row.dormant()))
                .toList());
    }

    @QueryHandler
    public GrowthKpis handle(FindKpis query) {
        LocalDate asOf = lastDay();
        LocalDate to = query.to() != null ? query.to() : orToday(asOf);
        LocalDate from = query.from() != null ? query.from() : to.minusDays(29);
        List<String> ids = new ArrayList<>();
        for (long day = from.toEpochDay(); day <= to.toEpochDay(); day++) {
            ids.add(AnalyticsDocuments.kpiId((int) day));
        }
        List<KpiDay> days = new ArrayList<>();
        read(ids, document -> days.add(AnalyticsDocuments.kpi(document)));
        Kpis kpis = Kpis.fromDays(days, from, to);
        return new GrowthKpis(from, to, asOf, kpis.activeUsers(), kpis.registeredUsers(), kpis.activationRate(),
                              kpis.nextDayRetention(),
                              kpis.averageOrderValue() == null ? null : new Money(kpis.averageOrderValue(), currency),
                              kpis.repeatPurchaseRate(), kpis.viralCoefficient());
    }

    /** The entry days of the window come from the index of days with entries, so an open window reads no more. */
    @QueryHandler
    public WakeUpFunnel handle(FindWakeUpFunnel query) {
        Document index = collection().find(Filters.eq("_id", AnalyticsDocuments.WAKE_UP_DAYS)).first();
        List<String> ids = new ArrayList<>();
        for (int day : AnalyticsDocuments.wakeUpDays(index)) {
            boolean after = query.from() == null || day >= query.from().toEpochDay();
            boolean before = query.to() == null || day <= query.to().toEpochDay();
            if (after && before) {
                ids.add(AnalyticsDocuments.wakeUpId(day));
            }
        }
        List<WakeUpDay> days = new ArrayList<>();
        read(ids, document -> days.add(AnalyticsDocuments.wakeUp(document)));
        return WakeUpFunnels.fromDays(days, query.from(), query.to());
    }

    /** The end of the data, {@code null} before the first user. */
    private LocalDate lastDay() {
        Document meta = collection().find(Filters.eq("_id", AnalyticsDocuments.META)).first();
        return meta == null || meta.getString("lastDay") == null ? null : LocalDate.parse(meta.getString("lastDay"));
    }

    private LocalDate orToday(LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.now(clock.withZone(zone));
    }

    private void read(List<String> ids, Consumer<Document> each) {
        for (int from = 0; from < ids.size(); from += IDS_PER_READ) {
            collection().find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + IDS_PER_READ))))
                        .forEach(each);
        }
    }

    private static ChronoUnit unit(Granularity granularity) {
        return switch (granularity) {
            case DAY -> ChronoUnit.DAYS;
            case WEEK -> ChronoUnit.WEEKS;
            case MONTH -> ChronoUnit.MONTHS;
        };
    }

    private MongoCollection<Document> collection() {
        return readModels.collection(AnalyticsDocuments.COLLECTION);
    }
}
