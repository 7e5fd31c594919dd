package dev.userlifecycle.app.sagas;

import com.mongodb.client.MongoDatabase;
import dev.userlifecycle.app.roles.ConditionalOnRole;
import dev.userlifecycle.app.roles.Role;
import dev.userlifecycle.events.LoyaltyProgram;
import dev.userlifecycle.sagas.loyalty.LoyaltyPointsPolicy;
import dev.userlifecycle.sagas.loyalty.PendingReferrals;
import dev.userlifecycle.sagas.loyalty.PointsExpirySweep;
import dev.userlifecycle.sagas.loyalty.PointsExpirySweepController;
import dev.userlifecycle.sagas.loyalty.ScheduledPointsExpirySweep;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Loyalty points in a process with the sagas role: the policy that turns purchases and referrals into points, in a
 * pooled streaming processor of its own, and the points expiry sweep, daily and on demand.
 * <p>
 * A failure of the policy (a command that could not be stored) fails its batch instead of being logged and skipped,
 * so the processor handles the batch again and no purchase loses its points; the commands are idempotent.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.SAGAS)
@Import(PointsExpirySweepController.class)
class LoyaltyConfiguration {

    @Bean
    PendingReferrals pendingReferrals(MongoDatabase database) {
        return new PendingReferrals(database);
    }

    @Bean
    LoyaltyPointsPolicy loyaltyPointsPolicy(CommandGateway commandGateway, PendingReferrals pendingReferrals,
                                            LoyaltyProgram loyaltyProgram, Clock clock) {
        return new LoyaltyPointsPolicy(commandGateway, pendingReferrals, loyaltyProgram, clock);
    }

    /**
     * A pooled streaming processor: one thread reads the events, {@code segments} workers handle them, each the users
     * of its segment in order. A single thread, as the policy had, got one CPU share among the request threads that
     * record purchases while it has to send a command for each of them, and fell further behind the longer purchases
     * came in. The segment count applies to a store whose processor has no token yet.
     */
    @Bean
    ConfigurerModule loyaltyPointsProcessor(@Value("${lifecycle.loyalty.batch-size:100}") int batchSize,
                                            @Value("${lifecycle.loyalty.segments:4}") int segments) {
        String group = LoyaltyPointsPolicy.PROCESSING_GROUP;
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessor(
                        group, Configuration::eventStore,
                        (c, builder) -> builder.initialSegmentCount(segments).maxClaimedSegments(segments)
                                               .batchSize(batchSize).workerExecutor(workers(c, segments)))
                .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance()));
    }

    private static ScheduledExecutorService workers(Configuration configuration, int segments) {
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(
                segments, new AxonThreadFactory("WorkPackage[" + LoyaltyPointsPolicy.PROCESSING_GROUP + "]"));
        configuration.onShutdown(workers::shutdown);
        return workers;
    }

    @Bean
    PointsExpirySweep pointsExpirySweep(QueryGateway queryGateway, CommandGateway commandGateway,
                                        @Value("${lifecycle.loyalty.page-size:1000}") int pageSize) {
        return new PointsExpirySweep(queryGateway, commandGateway, pageSize);
    }

    @Bean
    ScheduledPointsExpirySweep scheduledPointsExpirySweep(PointsExpirySweep pointsExpirySweep, Clock clock) {
        return new ScheduledPointsExpirySweep(pointsExpirySweep, clock);
    }
}
