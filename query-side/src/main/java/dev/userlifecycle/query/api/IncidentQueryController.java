package dev.userlifecycle.query.api;

import dev.userlifecycle.events.FindIncident;
import dev.userlifecycle.events.FindIncidents;
import dev.userlifecycle.events.IncidentList;
import dev.userlifecycle.events.IncidentStatus;
import dev.userlifecycle.events.IncidentView;
import dev.userlifecycle.events.InvalidRequestException;
import dev.userlifecycle.events.UnknownIncidentException;
import dev.userlifecycle.events.ValidId;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/** Incidents for dashboards: their SLA milestones and, one at a time, the churn of the users they affected. */
@RestController
@RequestMapping("/api/v1/incidents")
public class IncidentQueryController {

    private final QueryGateway queryGateway;

    public IncidentQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /** One incident with its churn comparison; 404 while the projection has not seen it (or there is none). */
    @GetMapping("/{incidentId}")
    public IncidentView incident(@PathVariable String incidentId) throws InterruptedException, ExecutionException {
        if (!incidentId.matches(ValidId.PATTERN)) {
            throw new InvalidRequestException("incidentId", ValidId.MESSAGE);
        }
        Optional<IncidentView> incident = queryGateway.query(new FindIncident(incidentId),
                                                             ResponseTypes.optionalInstanceOf(IncidentView.class))
                                                      .get();
        return incident.orElseThrow(() -> new UnknownIncidentException(incidentId));
    }

    /** The incidents of {@code status} ({@code OPEN} or {@code CLOSED}; all without it), latest declared first. */
    @GetMapping
    public IncidentList incidents(@RequestParam(required = false) String status)
            throws InterruptedException, ExecutionException {
        return queryGateway.query(new FindIncidents(status == null ? null : status(status)), IncidentList.class).get();
    }

    private static IncidentStatus status(String name) {
        return Arrays.stream(IncidentStatus.values())
                     .filter(status -> status.name().equals(name))
                     .findFirst()
                     .orElseThrow(() -> new InvalidRequestException("status", "'" + name + "' is not one of "
                             + Arrays.toString(IncidentStatus.values())));
    }
}
