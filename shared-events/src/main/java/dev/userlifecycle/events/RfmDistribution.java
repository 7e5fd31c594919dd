package dev.userlifecycle.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many users of a layering run got each RFM score and segment.
 *
 * @param recency   users by recency score, {@code "1"} to {@code "5"}
 * @param frequency users by frequency score, {@code "1"} to {@code "5"}
 * @param monetary  users by monetary score, {@code "1"} to {@code "5"}
 * @param segments  users by segment name ({@code CHAMPIONS}, {@code LOYAL}, …), every segment listed
 */
public record RfmDistribution(Map<String, Long> recency, Map<String, Long> frequency, Map<String, Long> monetary,
                              Map<String, Long> segments) {

    public RfmDistribution {
        recency = ordered(recency);
        frequency = ordered(frequency);
        monetary = ordered(monetary);
        segments = ordered(segments);
    }

    private static Map<String, Long> ordered(Map<String, Long> counts) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }
}
