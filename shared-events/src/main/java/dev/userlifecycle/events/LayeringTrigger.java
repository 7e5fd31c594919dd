package dev.userlifecycle.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What started a layering run. */
public enum LayeringTrigger {
    /** The recurring run ({@code lifecycle.layering.schedule}). */
    @JsonProperty("schedule") SCHEDULE,
    /** A request to {@code POST /api/v1/layers/runs}. */
    @JsonProperty("api") API,
    /** The run after loading imported history at start (the CDNOW demo). */
    @JsonProperty("import") IMPORT;

    /** The name used in JSON and in stored documents. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static LayeringTrigger ofCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
