package dev.userlifecycle.app.audit;

import dev.userlifecycle.app.roles.ConditionalOnRole;
import dev.userlifecycle.app.roles.Role;
import dev.userlifecycle.command.CommandSideModule;
import dev.userlifecycle.events.InvalidRequestException;
import dev.userlifecycle.events.UnknownIncidentException;
import dev.userlifecycle.events.UnknownUserException;
import dev.userlifecycle.events.ValidId;
import dev.userlifecycle.eventstore.StoredEvent;
import dev.userlifecycle.eventstore.StoredEvents;
import dev.userlifecycle.eventstore.StoredStream;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The audit API: every event as stored, a user's past state rebuilt from the events, and the hash chains. */
@RestController
@RequestMapping("/api/v1/audit")
@ConditionalOnRole(Role.COMMAND)
@Tag(name = "Audit", description = "The event store as auditors read it")
class AuditController {

    static final String NDJSON = "application/x-ndjson";
    private static final int DEFAULT_LIMIT = 100;

    private final StoredEvents storedEvents;
    private final AuditedEvents auditedEvents;
    private final UserStates userStates;
    private final EventExport export;
    private final Clock clock;

    AuditController(StoredEvents storedEvents, AuditedEvents auditedEvents, UserStates userStates,
                    EventExport export, Clock clock) {
        this.storedEvents = storedEvents;
        this.auditedEvents = auditedEvents;
        this.userStates = userStates;
        this.export = export;
        this.clock = clock;
    }

    @GetMapping("/users/{userId}/events")
    @Operation(summary = "A user's events in stream order, a page at a time",
               description = "limit 1 to 1000 (default 100); pass next as fromSequence for the next page; "
                       + "404 unknown user")
    public UserEventsPage userEvents(@PathVariable @ValidId String userId,
                                     @RequestParam(defaultValue = "0") long fromSequence,
                                     @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        if (fromSequence < 0) {
            throw new InvalidRequestException("fromSequence", "must not be negative");
        }
        if (limit < 1 || limit > StoredEvents.MAX_PAGE) {
            throw new InvalidRequestException("limit", "must be between 1 and " + StoredEvents.MAX_PAGE);
        }
        StoredStream page = userStream(userId, fromSequence, limit);
        List<AuditedEvent> events = new ArrayList<>(page.events().size());
        for (StoredEvent event : page.events()) {
            events.addAll(auditedEvents.render(event));
        }
        long nextSequence = fromSequence + limit;
        boolean more = nextSequence > fromSequence && nextSequence <= page.lastSequence();
        return new UserEventsPage(userId, page.lastSequence(), events, more ? nextSequence : null);
    }

    @GetMapping("/users/{userId}/state")
    @Operation(summary = "A user's state as of a moment, rebuilt from their events",
               description = "asOf: an instant (default now); basis: business (default: the events that had "
                       + "occurred by then) or storage (the events stored by then). 404 unknown user or a moment "
                       + "before the registration")
    public UserStateAsOf userState(@PathVariable @ValidId String userId,
                                   @RequestParam(required = false) Instant asOf,
                                   @RequestParam(defaultValue = "business") String basis) {
        TimeBasis timeBasis = TimeBasis.parse(basis);
        return userStates.asOf(userId, asOf == null ? clock.instant() : asOf, timeBasis);
    }

    @GetMapping("/events")
    @Operation(summary = "Every event stored in a time range, as NDJSON",
               description = "from (inclusive) and to (exclusive) are storage times; one event per line in the "
                       + "order of positions, streamed",
               responses = @ApiResponse(responseCode = "200", description = "one JSON event per line",
                                        content = @Content(mediaType = NDJSON)))
    public void events(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                       HttpServletResponse response) throws IOException {
        if (from == null) {
            throw new InvalidRequestException("from", "is required");
        }
        if (to == null) {
            throw new InvalidRequestException("to", "is required");
        }
        if (!from.isBefore(to)) {
            throw new InvalidRequestException("to", "must be after from");
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(NDJSON);
        response.setCharacterEncoding("UTF-8");
        export.write(from, to, response.getOutputStream());
    }

    @GetMapping("/users/{userId}/chain")
    @Operation(summary = "Verify a user's hash chain",
               description = "valid, the events checked, and the first broken link (sequence, position, reason)")
    public ChainReport userChain(@PathVariable @ValidId String userId) {
        return storedEvents.verifyChain(userId)
                           .filter(chain -> CommandSideModule.USER_AGGREGATE_TYPE.equals(chain.aggregateType()))
                           .map(ChainReport::of)
                           .orElseThrow(() -> new UnknownUserException(userId));
    }

    @GetMapping("/incidents/{incidentId}/chain")
    @Operation(summary = "Verify an incident's hash chain")
    public ChainReport incidentChain(@PathVariable @ValidId String incidentId) {
        return storedEvents.verifyChain(incidentId)
                           .filter(chain -> CommandSideModule.INCIDENT_AGGREGATE_TYPE.equals(chain.aggregateType()))
                           .map(ChainReport::of)
                           .orElseThrow(() -> new UnknownIncidentException(incidentId));
    }

    private StoredStream userStream(String userId, long fromSequence, int limit) {
        return storedEvents.stream(userId, fromSequence, limit)
                           .filter(stream -> CommandSideModule.USER_AGGREGATE_TYPE.equals(stream.aggregateType()))
                           .orElseThrow(() -> new UnknownUserException(userId));
    }
}
