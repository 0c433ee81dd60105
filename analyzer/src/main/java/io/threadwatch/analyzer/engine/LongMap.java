package io.threadwatch.analyzer.engine;

import java.util.Arrays;

/**
 * A map from {@code long} keys (thread ids) to values, by open addressing: the engine looks a
 * thread up for every event, and a {@code HashMap<Long, V>} would box the id and walk a node each
 * time. No library on the classpath has one. The chunk decoder's {@code source.chunk.LongKeyCache}
 * probes the same way but is a cache (no removal, a cached {@code null}), and the decoder's package
 * depends on nothing of the analyzer's, so the two stay apart. Iteration is not offered, so no
 * caller can come to depend on an order; a caller that needs one keeps it elsewhere.
 *
 * <p>Not thread-safe; values are never {@code null}.
 *
 * @param <V> the value type
 */
final class LongMap<V> {

    private static final int MIN_CAPACITY = 16;

    private long[] keys;
    private Object[] values;
    private int size;

    LongMap() {
        keys = new long[MIN_CAPACITY];
        values = new Object[MIN_CAPACITY];
    }

    /** The value for {@code key}, or {@code null}. */
    @SuppressWarnings("unchecked")
    V get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); values[i] != null; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return (V) values[i];
            }
        }
        return null;
    }

    /** Maps {@code key} to {@code value}, replacing any value it had. */
    void put(long key, V value) {
        if (value == null) {
            throw new NullPointerException("value");
        }
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = slot(key, mask);
        for (; values[i] != null; i = (i + 1) & mask) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
        }
        keys[i] = key;
        values[i] = value;
        size++;
    }

    /** Removes {@code key}; returns its value, or {@code null} when it had none. */
    @SuppressWarnings("unchecked")
    V remove(long key) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        for (; values[i] != null; i = (i + 1) & mask) {
            if (keys[i] == key) {
                V removed = (V) values[i];
                closeGap(i, mask);
                size--;
                return removed;
            }
        }
        return null;
    }

    int size() {
        return size;
    }

    void clear() {
        Arrays.fill(values, null);
        size = 0;
    }

    /**
     * Linear probing without tombstones: after a removal, later entries of the same run move back
     * into the gap when their home slot allows it, so every lookup still finds them.
     */
    private void closeGap(int gap, int mask) {
        values[gap] = null;
        for (int i = (gap + 1) & mask; values[i] != null; i = (i + 1) & mask) {
            int home = slot(keys[i], mask);
            // The entry at i may fill the gap when its home is not within (gap, i] (cyclically).
            boolean movable = gap <= i ? home <= gap || home > i : home <= gap && home > i;
            if (movable) {
                keys[gap] = keys[i];
                values[gap] = values[i];
                values[i] = null;
                gap = i;
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Object[oldValues.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldValues[j] != null) {
                int i = slot(oldKeys[j], mask);
                while (values[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }

    /** Thread ids are small and consecutive: mix the bits so they do not fill one run of slots. */
    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
