package dev.userlifecycle.command;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * An aggregate cache that holds its entries strongly, up to {@code capacity} of them, and evicts the least recently
 * used one when a new one comes in.
 * <p>
 * Axon's {@code WeakReferenceCache} loses every entry that nothing else references at the next garbage collection,
 * which under load comes every few seconds, long before a user's next command: nearly every command read its
 * user's stream again. Bounded by count, not bytes: a user aggregate holds its earned sources, so size the capacity
 * for the heap.
 */
final class LeastRecentlyUsedCache implements Cache {

    private final int capacity;
    private final Map<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    LeastRecentlyUsedCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value;
        synchronized (entries) {
            value = entries.get(key);
        }
        if (value != null) {
            listeners.forEach(listener -> listener.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        if (value == null) {
            remove(key);
            return;
        }
        Object previous;
        List<Object> evicted;
        synchronized (entries) {
            previous = entries.put(key, value);
            evicted = evictBeyondCapacity();
        }
        notifyWritten(key, value, previous);
        evicted.forEach(this::notifyExpired);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        if (value == null) {
            return false;
        }
        List<Object> evicted;
        synchronized (entries) {
            if (entries.containsKey(key)) {
                return false;
            }
            entries.put(key, value);
            evicted = evictBeyondCapacity();
        }
        notifyWritten(key, value, null);
        evicted.forEach(this::notifyExpired);
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T present = get(key);
        if (present != null) {
            return present;
        }
        T value = valueSupplier.get();
        return value == null || putIfAbsent(key, value) ? value : get(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        Object updated;
        synchronized (entries) {
            Object present = entries.get(key);
            if (present == null) {
                return;
            }
            updated = update.apply((V) present);
            if (updated == null) {
                entries.remove(key);
            } else {
                entries.put(key, updated);
            }
        }
        if (updated == null) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        } else {
            listeners.forEach(listener -> listener.onEntryUpdated(key, updated));
        }
    }

    @Override
    public boolean remove(Object key) {
        boolean removed;
        synchronized (entries) {
            removed = entries.remove(key) != null;
        }
        if (removed) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        List<Object> keys;
        synchronized (entries) {
            keys = new ArrayList<>(entries.keySet());
            entries.clear();
        }
        keys.forEach(key -> listeners.forEach(listener -> listener.onEntryRemoved(key)));
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** Called holding the lock. */
    private List<Object> evictBeyondCapacity() {
        if (entries.size() <= capacity) {
            return List.of();
        }
        List<Object> evicted = new ArrayList<>(1);
        var eldest = entries.keySet().iterator();
        while (entries.size() > capacity) {
            evicted.add(eldest.next());
            eldest.remove();
        }
        return evicted;
    }

    private void notifyWritten(Object key, Object value, Object previous) {
        if (previous == null) {
            listeners.forEach(listener -> listener.onEntryCreated(key, value));
        } else {
            listeners.forEach(listener -> listener.onEntryUpdated(key, value));
        }
    }

    private void notifyExpired(Object key) {
        listeners.forEach(listener -> listener.onEntryExpired(key));
    }
}
