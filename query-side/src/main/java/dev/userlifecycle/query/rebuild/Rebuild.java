package dev.userlifecycle.query.rebuild;

import org.bson.Document;

import java.time.Instant;

/**
 * The latest rebuild of a projection, as {@link RebuildRecords} keeps it: one document per projection.
 *
 * @param generation         the generation the copy is written into
 * @param previousGeneration the generation that answered when the rebuild started, dropped after the switch
 * @param tokenName          the name the copy's tracking processor stores its token under
 * @param position           the copy's position in the event store when progress was last stored
 * @param headPosition       the event store's head then
 * @param eventsPerSecond    while running, the copy's recent speed; once switched, its average since it (re)started
 * @param retireAt           when the previous generation is dropped ({@code null} before the switch)
 */
record Rebuild(String projection, RebuildState state, int generation, int previousGeneration, String tokenName,
               Instant startedAt, Instant updatedAt, Instant switchedAt, Instant finishedAt, long position,
               long headPosition, double eventsPerSecond, String error, Instant retireAt, boolean retired) {

    static Rebuild started(ReadModel model, int generation, int previousGeneration, Instant at) {
        return new Rebuild(model.projection(), RebuildState.RUNNING, generation, previousGeneration,
                           "rebuild:" + model.projection() + ":g" + generation, at, at, null, null, 0, 0, 0, null,
                           null, false);
    }

    Document toDocument() {
        return new Document("_id", projection)
                .append("state", state.name())
                .append("generation", generation)
                .append("previousGeneration", previousGeneration)
                .append("tokenName", tokenName)
                .append("startedAt", text(startedAt))
                .append("updatedAt", text(updatedAt))
                .append("switchedAt", text(switchedAt))
                .append("finishedAt", text(finishedAt))
                .append("position", position)
                .append("headPosition", headPosition)
                .append("eventsPerSecond", eventsPerSecond)
                .append("error", error)
                .append("retireAt", text(retireAt))
                .append("retired", retired);
    }

    static Rebuild from(Document document) {
        return new Rebuild(document.getString("_id"), RebuildState.valueOf(document.getString("state")),
                           document.getInteger("generation"), document.getInteger("previousGeneration"),
                           document.getString("tokenName"), instant(document, "startedAt"),
                           instant(document, "updatedAt"), instant(document, "switchedAt"),
                           instant(document, "finishedAt"), number(document, "position"),
                           number(document, "headPosition"),
                           ((Number) document.get("eventsPerSecond")).doubleValue(), document.getString("error"),
                           instant(document, "retireAt"), document.getBoolean("retired", false));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(Document document, String field) {
        String text = document.getString(field);
        return text == null ? null : Instant.parse(text);
    }

    private static long number(Document document, String field) {
        return ((Number) document.get(field)).longValue();
    }
}
