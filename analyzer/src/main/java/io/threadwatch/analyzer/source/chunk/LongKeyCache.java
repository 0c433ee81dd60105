package io.threadwatch.analyzer.source.chunk;

import java.util.function.LongFunction;

/**
 * Values computed once per {@code long} key: constant-pool keys in the per-event path, where a
 * {@code HashMap<Long, V>} would box every key. Open addressing, linear probing, no removal;
 * {@code null} values are cached too.
 *
 * @param <V> the cached values
 */
public final class LongKeyCache<V> {

    private long[] keys = new long[64];
    private Object[] values = new Object[64];
    private boolean[] used = new boolean[64];
    private int size;

    /** Marks a key that is not cached, as distinct from a cached {@code null}. */
    public static final Object ABSENT = new Object();

    /** The cached value of {@code key}, or {@link #ABSENT}; no allocation, unlike a capturing {@link #get}. */
    public Object find(long key) {
        int mask = keys.length - 1;
        int slot = mix(key) & mask;
        while (used[slot]) {
            if (keys[slot] == key) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return ABSENT;
    }

    /** Caches {@code value} for {@code key}. */
    public void put(long key, V value) {
        putValue(key, value);
    }

    /** The value of {@code key}, computed by {@code compute} the first time. */
    @SuppressWarnings("unchecked")
    public V get(long key, LongFunction<V> compute) {
        int mask = keys.length - 1;
        int slot = mix(key) & mask;
        while (used[slot]) {
            if (keys[slot] == key) {
                return (V) values[slot];
            }
            slot = (slot + 1) & mask;
        }
        V value = compute.apply(key);
        // The slot may have moved if compute filled this cache recursively.
        putValue(key, value);
        return value;
    }

    private void putValue(long key, Object value) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = mix(key) & mask;
        while (used[slot]) {
            if (keys[slot] == key) {
                values[slot] = value;
                return;
            }
            slot = (slot + 1) & mask;
        }
        used[slot] = true;
        keys[slot] = key;
        values[slot] = value;
        size++;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        boolean[] oldUsed = used;
        keys = new long[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        used = new boolean[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldUsed[i]) {
                putValue(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** How many keys are cached. */
    public int size() {
        return size;
    }
}
