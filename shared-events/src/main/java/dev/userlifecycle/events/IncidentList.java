package dev.userlifecycle.events;

import java.util.List;

/**
 * The incidents of a status ({@code null}: all), latest declared first; each without its churn comparison, which
 * only the single incident answers.
 */
public record IncidentList(IncidentStatus status, List<IncidentView> incidents) {

    public IncidentList {
        incidents = List.copyOf(incidents);
    }
}
