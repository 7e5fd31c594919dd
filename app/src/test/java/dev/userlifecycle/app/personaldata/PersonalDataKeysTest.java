package dev.userlifecycle.app.personaldata;

import dev.userlifecycle.app.personaldata.PersonalDataKeys.UserKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataKeysTest {

    private static final int THREADS = 8;

    private final SerializerFixture fixture = new SerializerFixture();
    private final PersonalDataKeys keys = fixture.keys;

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void processesCreatingAUsersKeyAtOnceAllGetTheOneThatWasStored() throws Exception {
        for (int round = 0; round < 20; round++) {
            String userId = "race-" + round;
            List<byte[]> got = atOnce(thread -> keys.forWriting(userId).bytes());

            byte[] stored = keys.find(userId).bytes();
            assertThat(got).as("round %d", round).allSatisfy(key -> assertThat(key).isEqualTo(stored));
        }
        assertThat(fixture.keyDocuments()).isEqualTo(20);
    }

    @Test
    void anErasureRacingTheKeysCreationLeavesTheUserErased() throws Exception {
        for (int round = 0; round < 20; round++) {
            String userId = "erase-race-" + round;
            Instant erasedAt = SerializerFixture.NOW.plusSeconds(round);
            atOnce(thread -> {
                if (thread % 2 == 0) {
                    keys.erase(userId, erasedAt);
                } else {
                    keys.forWriting(userId);
                }
                return null;
            });
            keys.erase(userId, erasedAt);

            assertThat(keys.find(userId)).as("round %d", round).isEqualTo(UserKey.ERASED);
            assertThat(keys.forWriting(userId).present()).isFalse();
        }
    }

    @Test
    void erasingTwiceOrAUserWithoutKeyChangesNothingMore() {
        keys.forWriting("u-1");
        keys.erase("u-1", SerializerFixture.NOW);
        keys.erase("u-1", SerializerFixture.NOW);
        keys.erase("u-never", SerializerFixture.NOW);

        assertThat(keys.find("u-1")).isEqualTo(UserKey.ERASED);
        assertThat(keys.find("u-never")).isEqualTo(UserKey.ERASED);
        assertThat(keys.find("u-other")).isEqualTo(UserKey.NONE);
        assertThat(fixture.keyDocuments()).isEqualTo(2);
    }

    /** Runs the task in {@value #THREADS} threads released together; each gets its number. */
    private static <T> List<T> atOnce(IntFunction<T> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int thread = i;
                futures.add(threads.submit(() -> {
                    start.await();
                    return task.apply(thread);
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
