package dev.userlifecycle.app.benchmark;

import dev.userlifecycle.app.cdnow.CdnowHistory;
import dev.userlifecycle.app.cdnow.CdnowImport;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * How the CDNOW history goes into the app under test. {@link #chosen()} is the one place that picks the way: for now
 * the test-side {@link CdnowImport} through the {@link CommandGateway}; once the service has its own importer, a
 * loader that calls it replaces {@link ThroughTheGateway} there.
 */
interface CdnowLoader {

    /** What went in: customers registered, orders (CDNOW lines) and commands sent. */
    record Loaded(int users, int orders, int commands) {
    }

    static CdnowLoader chosen() {
        return new ThroughTheGateway();
    }

    /** How this loader imports, for the report. */
    String description(int threads);

    /** Imports the whole history into the running app; returns when every order is stored. */
    Loaded load(QueryBenchmark.App app, CdnowHistory history, int threads) throws Exception;

    /** {@link CdnowImport}: a RegisterUser per customer, then a RecordPurchase (or RecordActivity) per line. */
    final class ThroughTheGateway implements CdnowLoader {

        @Override
        public String description(int threads) {
            return "test-side CdnowImport through the CommandGateway, " + threads + " threads";
        }

        @Override
        public Loaded load(QueryBenchmark.App app, CdnowHistory history, int threads) throws Exception {
            CdnowImport.Result result = new CdnowImport(app.bean(CommandGateway.class), app.zone())
                    .run(history, threads);
            return new Loaded(result.users(), result.purchases() + result.visits(), result.commands());
        }
    }
}
