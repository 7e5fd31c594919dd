package dev.userlifecycle.query.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Instant;

/**
 * The body of {@code POST /api/v1/layers/runs}, every field optional.
 *
 * @param asOf the business time the run describes; the service's now when omitted
 * @param k    the number of clusters, 3 to 5; {@code lifecycle.layering.k} when omitted
 */
record LayeringRunRequest(Instant asOf, @Min(3) @Max(5) Integer k) {

    static final LayeringRunRequest DEFAULTS = new LayeringRunRequest(null, null);
}
