package dev.userlifecycle.query.rebuild;

import dev.userlifecycle.query.analytics.AnalyticsStore;
import dev.userlifecycle.query.facts.UserFactsProjection;
import dev.userlifecycle.query.incidents.IncidentProjection;
import dev.userlifecycle.query.points.PointsLedgerProjection;
import dev.userlifecycle.query.profile.UserProfileProjection;
import dev.userlifecycle.query.store.ReadModels;

import java.time.ZoneId;

/**
 * Makes the fresh projection instances that rebuilds run. The {@code user-facts} copy keeps analytics counters of its
 * own, written into its own {@code analytics} documents; at the switch the live analytics store takes them over.
 * The profile copy tells no subscriber: it replays states that are long past.
 */
public final class ProjectionCopies {

    private final ZoneId zone;
    private final AnalyticsStore liveAnalytics;

    /**
     * @param zone          the platform's time zone, as the live facts projection has it
     * @param liveAnalytics the analytics store of the live facts projection, which takes over the copy's counters
     */
    public ProjectionCopies(ZoneId zone, AnalyticsStore liveAnalytics) {
        this.zone = zone;
        this.liveAnalytics = liveAnalytics;
    }

    ProjectionCopy copy(ReadModel model, ReadModels target) {
        return switch (model) {
            case USER_PROFILES -> of(UserProfileProjection.withoutUpdates(target));
            case POINTS_LEDGER -> of(new PointsLedgerProjection(target));
            case INCIDENTS -> of(new IncidentProjection(target));
            case USER_FACTS -> factsCopy(target);
        };
    }

    private static ProjectionCopy of(Object projection) {
        return () -> projection;
    }

    private ProjectionCopy factsCopy(ReadModels target) {
        AnalyticsStore analytics = new AnalyticsStore(target);
        UserFactsProjection projection = new UserFactsProjection(target, zone, analytics);
        return new ProjectionCopy() {
            @Override
            public Object eventHandler() {
                return projection;
            }

            @Override
            public void flush() {
                analytics.flush();
            }

            @Override
            public void switchOver(Runnable pointQueriesAtCopy) {
                liveAnalytics.takeOver(analytics, pointQueriesAtCopy);
            }
        };
    }
}
