package dev.userlifecycle.app.personaldata;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.mongodb.client.MongoDatabase;
import dev.userlifecycle.command.CommandSideModule;
import dev.userlifecycle.events.AcquisitionChannel;
import dev.userlifecycle.events.ChannelConsents;
import dev.userlifecycle.events.Contact;
import dev.userlifecycle.events.RegisterUser;
import dev.userlifecycle.events.UserRegistered;
import dev.userlifecycle.eventstore.EventStoreSerializers;
import dev.userlifecycle.eventstore.MongoEventStorageEngine;
import dev.userlifecycle.eventstore.testing.TestMongo;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * What sealing contact details costs a registration: {@code RegisterUser} through Axon's {@code CommandGateway} (the
 * command side of {@code CommandSideModule}, our engine on the embedded server, memory backend), 4 client threads,
 * with the contact in clear (plain Jackson, as before), sealed (this package's serializer, a key per user), and without
 * a contact; the three alternate over several rounds on fresh databases so that drift hits them alike.
 * <p>
 * Not a unit test. After {@code mvn -B -q install -DskipTests}: {@code mvn -B -q -pl app -Pbenchmark test-compile
 * exec:java -Dexec.mainClass=dev.userlifecycle.app.personaldata.RegistrationEncryptionBenchmark}; or without installing,
 * {@code java} with the classpath of {@code mvn -pl app -am test-compile dependency:build-classpath
 * -Dmdep.includeScope=test}. Settings: {@code bench.users} (5000), {@code bench.rounds} (3), {@code bench.threads} (4).
 */
public final class RegistrationEncryptionBenchmark {

    private static final int USERS = Integer.getInteger("bench.users", 5000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int THREADS = Integer.getInteger("bench.threads", 4);
    private static final Instant AT = Instant.parse("2026-03-01T09:30:00Z");
    private static final AcquisitionChannel CHANNEL = new AcquisitionChannel("app-store", "cpc", "spring-sale");

    private enum Variant { CLEAR, SEALED, NO_CONTACT }

    private RegistrationEncryptionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<Variant, List<Double>> rates = new LinkedHashMap<>();
        Map<Variant, Histogram> latencies = new LinkedHashMap<>();
        for (Variant variant : Variant.values()) {
            rates.put(variant, new ArrayList<>());
            latencies.put(variant, new Histogram(TimeUnit.SECONDS.toNanos(60), 3));
        }
        try (TestMongo mongo = TestMongo.start()) {
            for (Variant variant : Variant.values()) {
                run(mongo, variant, "warmup", Math.min(USERS, 2000), null);
            }
            for (int round = 1; round <= ROUNDS; round++) {
                for (int v = 0; v < Variant.values().length; v++) {
                    Variant variant = Variant.values()[(v + round) % Variant.values().length];
                    Histogram histogram = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
                    double rate = run(mongo, variant, "round" + round, USERS, histogram);
                    rates.get(variant).add(rate);
                    latencies.get(variant).add(histogram);
                    System.out.printf(Locale.ROOT, "round %d %-10s %,8.0f registrations/s, p50 %,6.0f us%n", round,
                                      variant, rate, histogram.getValueAtPercentile(50) / 1e3);
                }
            }
            serializerAlone(mongo);
        }
        System.out.printf(Locale.ROOT, "%n%,d registrations per run, %d client threads, %d rounds%n", USERS, THREADS,
                          ROUNDS);
        System.out.printf("| variant | registrations/s (mean of rounds) | p50 us | p99 us |%n"
                          + "| --- | ---: | ---: | ---: |%n");
        for (Variant variant : Variant.values()) {
            double mean = rates.get(variant).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            Histogram histogram = latencies.get(variant);
            System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f | %,.0f |%n", variant, mean,
                              histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(99) / 1e3);
        }
        System.exit(0);
    }

    /**
     * The serializer alone, one thread: a registration written in clear, sealed for a new user (creating the key),
     * sealed for a user with a key, and read back (opened: one key lookup).
     */
    private static void serializerAlone(TestMongo mongo) {
        MongoDatabase database = mongo.client().getDatabase("serializer");
        JacksonSerializer jackson = jackson();
        PersonalDataCipher cipher = new PersonalDataCipher();
        PersonalDataSerializer sealing = new PersonalDataSerializer(jackson, new PersonalDataSealer(
                cipher, new PersonalDataKeys(database, cipher, Clock.systemUTC()), jackson.getObjectMapper()));
        int count = 20_000;
        for (int pass = 0; pass < 2; pass++) {
            String prefix = "pass" + pass + "-";
            double clear = micros(count, i -> jackson.serialize(registered(prefix + i, i), String.class));
            double newKey = micros(count, i -> sealing.serialize(registered(prefix + i, i), String.class));
            double knownKey = micros(count, i -> sealing.serialize(registered(prefix + i, i), String.class));
            List<SerializedObject<String>> stored = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                stored.add(sealing.serialize(registered(prefix + i, i), String.class));
            }
            double readClear = micros(count, i -> jackson.deserialize(jackson.serialize(registered(prefix + i, i),
                                                                                        String.class)));
            double open = micros(count, i -> sealing.deserialize(stored.get(i)));
            if (pass == 1) {
                System.out.printf(Locale.ROOT, "%nSerializer alone, one thread, %,d UserRegistered with a contact, "
                                  + "us per event:%n| write in clear | write sealed, new user (creates the key) "
                                  + "| write sealed, key exists | write + read in clear | read sealed (one key lookup) "
                                  + "|%n| ---: | ---: | ---: | ---: | ---: |%n| %.1f | %.1f | %.1f | %.1f | %.1f |%n",
                                  count, clear, newKey, knownKey, readClear, open);
            }
        }
        database.drop();
    }

    private static double micros(int count, IntConsumer operation) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            operation.accept(i);
        }
        return (System.nanoTime() - start) / 1e3 / count;
    }

    private static UserRegistered registered(String userId, int i) {
        RegisterUser command = registration(Variant.SEALED, userId, i);
        return new UserRegistered(userId, CHANNEL, null, command.region(), command.contact(), command.consents(), AT);
    }

    private static JacksonSerializer jackson() {
        return JacksonSerializer.builder().objectMapper(
                EventStoreSerializers.objectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).build();
    }

    private static double run(TestMongo mongo, Variant variant, String name, int users, Histogram histogram)
            throws Exception {
        MongoDatabase database = mongo.client().getDatabase(name + "_" + variant.name().toLowerCase(Locale.ROOT));
        JacksonSerializer jackson = jackson();
        Serializer events = jackson;
        if (variant == Variant.SEALED) {
            PersonalDataCipher cipher = new PersonalDataCipher();
            PersonalDataKeys keys = new PersonalDataKeys(database, cipher, Clock.systemUTC());
            events = new PersonalDataSerializer(jackson, new PersonalDataSealer(cipher, keys,
                                                                                jackson.getObjectMapper()));
        }
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder().client(mongo.client()).database(database)
                                                                .eventSerializer(events).snapshotSerializer(jackson)
                                                                .build();
        Serializer eventSerializer = events;
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                                                 .configureSerializer(c -> jackson)
                                                 .configureMessageSerializer(c -> jackson)
                                                 .configureEventSerializer(c -> eventSerializer)
                                                 .configureEmbeddedEventStore(c -> engine);
        new CommandSideModule(CommandSideModule.DEFAULT_SNAPSHOT_THRESHOLD, 50_000).configureModule(configurer);
        Configuration axon = configurer.start();
        try {
            return register(axon.commandGateway(), variant, name, users, histogram);
        } finally {
            axon.shutdown();
            database.drop();
        }
    }

    private static double register(CommandGateway gateway, Variant variant, String prefix, int users,
                                   Histogram histogram) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                clients.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < users; i = next.getAndIncrement()) {
                        long before = System.nanoTime();
                        gateway.sendAndWait(registration(variant, prefix + "-" + i, i));
                        if (histogram != null) {
                            histogram.recordValue(System.nanoTime() - before);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        } finally {
            threads.shutdownNow();
        }
        return users / ((System.nanoTime() - start) / 1e9);
    }

    private static RegisterUser registration(Variant variant, String userId, int i) {
        Contact contact = variant == Variant.NO_CONTACT ? null
                : new Contact("User " + i, "user" + i + "@example.com", "+86 138 " + String.format("%08d", i));
        return new RegisterUser(userId, CHANNEL, null, "cn-east", contact, new ChannelConsents(true, true, false), AT);
    }
}
