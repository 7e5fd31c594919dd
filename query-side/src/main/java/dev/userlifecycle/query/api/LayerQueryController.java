package dev.userlifecycle.query.api;

import dev.userlifecycle.events.FindLatestLayeringRun;
import dev.userlifecycle.events.FindLayerTransitions;
import dev.userlifecycle.events.FindLayeringRun;
import dev.userlifecycle.events.FindLayeringRuns;
import dev.userlifecycle.events.FindUserLayerAt;
import dev.userlifecycle.events.FindUserLayers;
import dev.userlifecycle.events.InvalidRequestException;
import dev.userlifecycle.events.LayerTransitions;
import dev.userlifecycle.events.LayeringRun;
import dev.userlifecycle.events.LayeringRunSummary;
import dev.userlifecycle.events.LayeringTrigger;
import dev.userlifecycle.events.UnknownUserException;
import dev.userlifecycle.events.UserLayer;
import dev.userlifecycle.events.UserLayerHistory;
import dev.userlifecycle.query.layers.LayeringRuns;
import dev.userlifecycle.query.layers.UnknownLayeringRunException;
import jakarta.validation.Valid;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Layering runs: the latest one, every one, starting one, how users moved between two, and a user's layers across
 * runs. Reads go through the query gateway; starting a run calls {@link LayeringRuns}, which computes and stores it
 * before answering.
 */
@RestController
@RequestMapping("/api/v1")
public class LayerQueryController {

    private final QueryGateway queryGateway;
    private final LayeringRuns runs;

    public LayerQueryController(QueryGateway queryGateway, LayeringRuns runs) {
        this.queryGateway = queryGateway;
        this.runs = runs;
    }

    /** The latest run (latest {@code asOf}); 404 before the first. */
    @GetMapping("/layers")
    public LayeringRun latest() throws InterruptedException, ExecutionException {
        return queryGateway.query(new FindLatestLayeringRun(), ResponseTypes.optionalInstanceOf(LayeringRun.class))
                           .get()
                           .orElseThrow(UnknownLayeringRunException::none);
    }

    /** Runs layering now and answers the stored run; 409 while another run goes on, 422 with fewer users than k. */
    @PostMapping("/layers/runs")
    public ResponseEntity<LayeringRun> start(@Valid @RequestBody(required = false) LayeringRunRequest request) {
        LayeringRunRequest body = request == null ? LayeringRunRequest.DEFAULTS : request;
        LayeringRun run = runs.run(body.asOf(), body.k(), LayeringTrigger.API);
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/layers/runs/" + run.runId()))
                             .body(run);
    }

    /** Every run, latest {@code asOf} first. */
    @GetMapping("/layers/runs")
    public List<LayeringRunSummary> all() throws InterruptedException, ExecutionException {
        return queryGateway.query(new FindLayeringRuns(), ResponseTypes.multipleInstancesOf(LayeringRunSummary.class))
                           .get();
    }

    @GetMapping("/layers/runs/{runId}")
    public LayeringRun run(@PathVariable String runId) throws InterruptedException, ExecutionException {
        return queryGateway.query(new FindLayeringRun(runId), ResponseTypes.optionalInstanceOf(LayeringRun.class))
                           .get()
                           .orElseThrow(() -> UnknownLayeringRunException.withId(runId));
    }

    /**
     * How the users of the run moved between layers since the run {@code since}, by default the run before it (by
     * business time): 404 for an unknown run and for the first run without {@code since}.
     */
    @GetMapping("/layers/runs/{runId}/transitions")
    public LayerTransitions transitions(@PathVariable String runId, @RequestParam(required = false) String since)
            throws InterruptedException, ExecutionException {
        List<LayeringRunSummary> runs = all();
        List<String> ids = runs.stream().map(LayeringRunSummary::runId).toList();
        int at = ids.indexOf(runId);
        if (at < 0) {
            throw UnknownLayeringRunException.withId(runId);
        }
        String sinceRunId = since;
        if (since == null) {
            if (at == ids.size() - 1) {
                throw UnknownLayeringRunException.noneBefore(runId);
            }
            sinceRunId = ids.get(at + 1);
        } else if (since.equals(runId)) {
            throw new InvalidRequestException("since", "must name another run than the one compared");
        } else if (!ids.contains(since)) {
            throw UnknownLayeringRunException.since(since);
        }
        return queryGateway.query(new FindLayerTransitions(runId, sinceRunId),
                                  ResponseTypes.optionalInstanceOf(LayerTransitions.class))
                           .get()
                           .orElseThrow(() -> UnknownLayeringRunException.withId(runId));
    }

    /** The user's layer in every run that included the user, latest first, with the scores and features behind it. */
    @GetMapping(path = "/users/{userId}/layers", params = "!at")
    public UserLayerHistory userLayers(@PathVariable String userId) throws InterruptedException, ExecutionException {
        return queryGateway.query(new FindUserLayers(userId), ResponseTypes.optionalInstanceOf(UserLayerHistory.class))
                           .get()
                           .orElseThrow(() -> new UnknownUserException(userId));
    }

    /** The user's entry in the latest run whose {@code asOfDay} is on or before {@code at}; 404 when there is none. */
    @GetMapping(path = "/users/{userId}/layers", params = "at")
    public UserLayer userLayerAt(@PathVariable String userId,
                                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at)
            throws InterruptedException, ExecutionException {
        return queryGateway.query(new FindUserLayerAt(userId, at), ResponseTypes.optionalInstanceOf(UserLayer.class))
                           .get()
                           .orElseThrow(() -> UnknownLayeringRunException.forUserAt(userId, at));
    }
}
