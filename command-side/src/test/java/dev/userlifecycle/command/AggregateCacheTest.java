package dev.userlifecycle.command;

import dev.userlifecycle.events.LoyaltyProgram;
import dev.userlifecycle.events.PurchaseOutcome;
import dev.userlifecycle.events.RecordPurchase;
import dev.userlifecycle.events.RegisterUser;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.userlifecycle.command.Timeline.AMOUNT;
import static dev.userlifecycle.command.Timeline.CHANNEL;
import static dev.userlifecycle.command.Timeline.T0;
import static dev.userlifecycle.command.Timeline.at;
import static dev.userlifecycle.command.Timeline.day;
import static org.assertj.core.api.Assertions.assertThat;

/** Whether a command on a user loads the user's stream, with and without the aggregate cache. */
class AggregateCacheTest {

    private final CountingReads store = new CountingReads();
    private Configuration axon;

    private CommandGateway start(int cachedAggregates) {
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                                                 .configureEmbeddedEventStore(c -> store)
                                                 .configureSnapshotter(c -> (aggregateType, aggregateId) -> {
                                                 })
                                                 .registerComponent(LoyaltyProgram.class,
                                                                    c -> LoyaltyProgram.standard(ZoneOffset.UTC));
        new CommandSideModule(CommandSideModule.DEFAULT_SNAPSHOT_THRESHOLD, cachedAggregates)
                .configureModule(configurer);
        axon = configurer.start();
        CommandGateway commands = axon.commandGateway();
        commands.sendAndWait(new RegisterUser("u-1", CHANNEL, null, null, null, null, T0));
        return commands;
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    private static RecordPurchase purchase(String orderId, int day) {
        return new RecordPurchase("u-1", orderId, AMOUNT, at(day), day(day));
    }

    @Test
    void aCachedUserIsNotReadAgainByTheNextCommands() {
        CommandGateway commands = start(10);
        commands.sendAndWait(purchase("o-1", 1));
        int readsAfterFirstCommand = store.reads.get();

        commands.sendAndWait(purchase("o-2", 2));
        commands.sendAndWait(purchase("o-3", 3));

        assertThat(store.reads.get()).isEqualTo(readsAfterFirstCommand);
    }

    @Test
    void aCachedUserStillRemembersWhatTheEarlierCommandsDid() {
        CommandGateway commands = start(10);
        commands.sendAndWait(purchase("o-1", 1));
        long eventsAfterPurchase = store.readEvents("u-1", 0).asStream().count();

        assertThat(commands.<Object>sendAndWait(purchase("o-1", 1))).isEqualTo(PurchaseOutcome.ALREADY_RECORDED);
        assertThat(store.readEvents("u-1", 0).asStream().count()).isEqualTo(eventsAfterPurchase);
    }

    @Test
    void aUserStaysCachedThroughGarbageCollections() {
        CommandGateway commands = start(10);
        commands.sendAndWait(purchase("o-1", 1));
        int readsAfterFirstCommand = store.reads.get();

        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        commands.sendAndWait(purchase("o-2", 2));

        assertThat(store.reads.get()).isEqualTo(readsAfterFirstCommand);
    }

    @Test
    void theLeastRecentlyUsedUserIsReadAgainOnceTheCacheIsFull() {
        CommandGateway commands = start(2);
        commands.sendAndWait(new RegisterUser("u-2", CHANNEL, null, null, null, null, T0));
        commands.sendAndWait(new RegisterUser("u-3", CHANNEL, null, null, null, null, T0));
        int readsAfterRegistrations = store.reads.get();

        commands.sendAndWait(new RecordPurchase("u-3", "o-3", AMOUNT, at(1), day(1)));
        commands.sendAndWait(purchase("o-1", 1));

        assertThat(store.reads.get()).isEqualTo(readsAfterRegistrations + 1);
    }

    @Test
    void withoutTheCacheEveryCommandReadsTheUser() {
        CommandGateway commands = start(0);
        int readsAfterRegistration = store.reads.get();

        commands.sendAndWait(purchase("o-1", 1));
        commands.sendAndWait(purchase("o-2", 2));

        assertThat(store.reads.get()).isEqualTo(readsAfterRegistration + 2);
    }

    private static final class CountingReads extends InMemoryEventStorageEngine {

        final AtomicInteger reads = new AtomicInteger();

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            reads.incrementAndGet();
            return super.readEvents(aggregateIdentifier, firstSequenceNumber);
        }
    }
}
