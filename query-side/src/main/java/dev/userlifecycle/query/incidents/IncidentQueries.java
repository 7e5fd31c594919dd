package dev.userlifecycle.query.incidents;

import com.mongodb.client.model.Filters;
import dev.userlifecycle.events.FindIncident;
import dev.userlifecycle.events.FindIncidents;
import dev.userlifecycle.events.IncidentList;
import dev.userlifecycle.events.IncidentView;
import dev.userlifecycle.query.analytics.ChurnReader;
import dev.userlifecycle.query.store.ReadModels;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Answers incident queries from the {@link IncidentProjection}'s documents; one incident with its churn comparison
 * ({@link ChurnReader}).
 */
public class IncidentQueries {

    private static final Comparator<IncidentView> LATEST_FIRST =
            Comparator.comparing(IncidentView::declaredAt, Comparator.nullsLast(Comparator.reverseOrder()))
                      .thenComparing(IncidentView::incidentId);

    private final ReadModels readModels;
    private final ChurnReader churn;

    public IncidentQueries(ReadModels readModels, ChurnReader churn) {
        this.readModels = readModels;
        this.churn = churn;
    }

    @QueryHandler
    public Optional<IncidentView> handle(FindIncident query) {
        Document stored = readModels.collection(IncidentProjection.COLLECTION)
                                  .find(Filters.eq("_id", query.incidentId())).first();
        if (stored == null) {
            return Optional.empty();
        }
        IncidentState incident = IncidentState.from(stored);
        Instant declaredAt = incident.declaredAt();
        if (declaredAt == null) {
            return Optional.of(incident.toView(null));
        }
        Document affected = readModels.collection(IncidentProjection.AFFECTED_USERS)
                                    .find(Filters.eq("_id", query.incidentId())).first();
        List<String> userIds = affected == null ? List.of() : affected.getList("userIds", String.class);
        return Optional.of(incident.toView(churn.churn(declaredAt, userIds)));
    }

    /** Incidents are few and their documents small, so a list reads them all (a filter on status scans anyway). */
    @QueryHandler
    public IncidentList handle(FindIncidents query) {
        Bson filter = query.status() == null ? new Document() : Filters.eq("status", query.status().name());
        List<IncidentView> incidents = new ArrayList<>();
        readModels.collection(IncidentProjection.COLLECTION).find(filter)
                .forEach(document -> incidents.add(IncidentState.from(document).toView(null)));
        incidents.sort(LATEST_FIRST);
        return new IncidentList(query.status(), incidents);
    }
}
