package dev.userlifecycle.command;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeastRecentlyUsedCacheTest {

    private final LeastRecentlyUsedCache cache = new LeastRecentlyUsedCache(2);

    @Test
    void theEntryUsedLeastRecentlyLeavesWhenAThirdComesIn() {
        cache.put("a", 1);
        cache.put("b", 2);
        cache.get("a");

        cache.put("c", 3);

        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("c")).isTrue();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void listenersHearOfCreationUpdateEvictionAndRemoval() {
        List<String> heard = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                heard.add("updated " + key);
            }

            @Override
            public void onEntryExpired(Object key) {
                heard.add("expired " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }
        });

        cache.put("a", 1);
        cache.put("a", 2);
        cache.put("b", 1);
        cache.put("c", 1);
        cache.remove("b");

        assertThat(heard).containsExactly("created a", "updated a", "created b", "created c", "expired a",
                                          "removed b");
    }

    @Test
    void putIfAbsentKeepsWhatIsThere() {
        assertThat(cache.putIfAbsent("a", 1)).isTrue();
        assertThat(cache.putIfAbsent("a", 2)).isFalse();
        assertThat(cache.<String, Integer>get("a")).isEqualTo(1);
        assertThat(cache.<Integer>computeIfAbsent("b", () -> 7)).isEqualTo(7);
    }

    @Test
    void anUpdateToNothingRemovesTheEntry() {
        cache.put("a", 1);
        cache.<Integer>computeIfPresent("a", value -> value + 1);
        assertThat(cache.<String, Integer>get("a")).isEqualTo(2);

        cache.computeIfPresent("a", value -> null);

        assertThat(cache.containsKey("a")).isFalse();
    }

    @Test
    void nothingIsKeptForAMissingValue() {
        assertThat(cache.putIfAbsent("a", null)).isFalse();
        assertThat(cache.<Object>computeIfAbsent("b", () -> null)).isNull();

        assertThat(cache.size()).isZero();
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new LeastRecentlyUsedCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
