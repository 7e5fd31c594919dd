package dev.userlifecycle.query.layers;

import dev.userlifecycle.events.LayerShare;
import dev.userlifecycle.events.LayeringCluster;
import dev.userlifecycle.events.LayeringFeatures;
import dev.userlifecycle.events.LayeringRun;
import dev.userlifecycle.events.LayeringRunParameters;
import dev.userlifecycle.events.LayeringRunSummary;
import dev.userlifecycle.events.LayeringTrigger;
import dev.userlifecycle.events.RfmDistribution;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs and their summaries as documents; times as ISO-8601 strings, like the other read models.
 * <pre>
 * { _id: runId, asOf, asOfDay, trigger: "schedule"|"api"|"import", startedAt, finishedAt, durationMs,
 *   parameters: {k, seed, maxIterations, scaling}, users, iterations, converged,
 *   layers: [{layer, count, share, centroid: {recencyDays, activeDays30, activeDays90, frequency, monetary}?}],
 *   clusters: [{cluster, layer, count, share, centroid}],
 *   rfm: {recency: {"1": n, …, "5": n}, frequency: {…}, monetary: {…}, segments: {CHAMPIONS: n, …}} }
 * </pre>
 */
final class RunDocuments {

    private RunDocuments() {
    }

    static Document toDocument(LayeringRun run) {
        LayeringRunParameters parameters = run.parameters();
        return new Document("_id", run.runId())
                .append("asOf", run.asOf().toString())
                .append("asOfDay", run.asOfDay().toString())
                .append("trigger", run.trigger().code())
                .append("startedAt", run.startedAt().toString())
                .append("finishedAt", run.finishedAt().toString())
                .append("durationMs", run.durationMs())
                .append("parameters", new Document("k", parameters.k()).append("seed", parameters.seed())
                                                                      .append("maxIterations", parameters.maxIterations())
                                                                      .append("scaling", parameters.scaling()))
                .append("users", run.users())
                .append("iterations", run.iterations())
                .append("converged", run.converged())
                .append("layers", run.layers().stream().map(RunDocuments::layer).toList())
                .append("clusters", run.clusters().stream().map(RunDocuments::cluster).toList())
                .append("rfm", new Document("recency", counts(run.rfm().recency()))
                        .append("frequency", counts(run.rfm().frequency()))
                        .append("monetary", counts(run.rfm().monetary()))
                        .append("segments", counts(run.rfm().segments())));
    }

    static LayeringRun toRun(Document document) {
        Document parameters = document.get("parameters", Document.class);
        Document rfm = document.get("rfm", Document.class);
        return new LayeringRun(
                document.getString("_id"),
                Instant.parse(document.getString("asOf")),
                LocalDate.parse(document.getString("asOfDay")),
                LayeringTrigger.ofCode(document.getString("trigger")),
                Instant.parse(document.getString("startedAt")),
                Instant.parse(document.getString("finishedAt")),
                number(document, "durationMs").longValue(),
                new LayeringRunParameters(number(parameters, "k").intValue(), number(parameters, "seed").longValue(),
                                          number(parameters, "maxIterations").intValue(),
                                          parameters.getString("scaling")),
                number(document, "users").longValue(),
                number(document, "iterations").intValue(),
                document.getBoolean("converged"),
                document.getList("layers", Document.class).stream().map(RunDocuments::layer).toList(),
                document.getList("clusters", Document.class).stream().map(RunDocuments::cluster).toList(),
                new RfmDistribution(counts(rfm, "recency"), counts(rfm, "frequency"), counts(rfm, "monetary"),
                                    counts(rfm, "segments")));
    }

    static LayeringRunSummary summary(LayeringRun run) {
        return new LayeringRunSummary(run.runId(), run.asOf(), run.asOfDay(), run.trigger(), run.startedAt(),
                                      run.finishedAt(), run.durationMs(), run.parameters().k(), run.users());
    }

    static Document toDocument(LayeringRunSummary summary) {
        return new Document("runId", summary.runId())
                .append("asOf", summary.asOf().toString())
                .append("asOfDay", summary.asOfDay().toString())
                .append("trigger", summary.trigger().code())
                .append("startedAt", summary.startedAt().toString())
                .append("finishedAt", summary.finishedAt().toString())
                .append("durationMs", summary.durationMs())
                .append("k", summary.k())
                .append("users", summary.users());
    }

    static LayeringRunSummary toSummary(Document document) {
        return new LayeringRunSummary(document.getString("runId"), Instant.parse(document.getString("asOf")),
                                      LocalDate.parse(document.getString("asOfDay")),
                                      LayeringTrigger.ofCode(document.getString("trigger")),
                                      Instant.parse(document.getString("startedAt")),
                                      Instant.parse(document.getString("finishedAt")),
                                      number(document, "durationMs").longValue(), number(document, "k").intValue(),
                                      number(document, "users").longValue());
    }

    private static Document layer(LayerShare layer) {
        return new Document("layer", layer.layer()).append("count", layer.count()).append("share", layer.share())
                                                   .append("centroid", features(layer.centroid()));
    }

    private static LayerShare layer(Document document) {
        return new LayerShare(document.getString("layer"), number(document, "count").longValue(),
                              number(document, "share").doubleValue(),
                              features(document.get("centroid", Document.class)));
    }

    private static Document cluster(LayeringCluster cluster) {
        return new Document("cluster", cluster.cluster()).append("layer", cluster.layer())
                                                         .append("count", cluster.count())
                                                         .append("share", cluster.share())
                                                         .append("centroid", features(cluster.centroid()));
    }

    private static LayeringCluster cluster(Document document) {
        return new LayeringCluster(number(document, "cluster").intValue(), document.getString("layer"),
                                   number(document, "count").longValue(), number(document, "share").doubleValue(),
                                   features(document.get("centroid", Document.class)));
    }

    private static Document features(LayeringFeatures features) {
        if (features == null) {
            return null;
        }
        return new Document("recencyDays", features.recencyDays()).append("activeDays30", features.activeDays30())
                                                                  .append("activeDays90", features.activeDays90())
                                                                  .append("frequency", features.frequency())
                                                                  .append("monetary", features.monetary());
    }

    private static LayeringFeatures features(Document document) {
        if (document == null) {
            return null;
        }
        return new LayeringFeatures(number(document, "recencyDays").doubleValue(),
                                    number(document, "activeDays30").doubleValue(),
                                    number(document, "activeDays90").doubleValue(),
                                    number(document, "frequency").doubleValue(),
                                    number(document, "monetary").doubleValue());
    }

    private static Document counts(Map<String, Long> counts) {
        return new Document(new LinkedHashMap<>(counts));
    }

    private static Map<String, Long> counts(Document rfm, String name) {
        Map<String, Long> counts = new LinkedHashMap<>();
        rfm.get(name, Document.class).forEach((key, value) -> counts.put(key, ((Number) value).longValue()));
        return counts;
    }

    private static Number number(Document document, String field) {
        return (Number) document.get(field);
    }
}
