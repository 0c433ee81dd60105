package io.threadwatch.analyzer.source.chunk;

/**
 * Values computed once per {@code long} key: constant-pool keys in the per-event path, where a
 * {@code HashMap<Long, V>} would box every key. Open addressing, linear probing, no removal;
 * {@code null} values are cached too, which {@link #find} tells apart with {@link #ABSENT}.
 *
 * @param <V> the cached values
 */
public final class LongKeyCache<V> {

    /** What {@link #find} returns for a key that is not cached, as distinct from a cached {@code null}. */
    public static final Object ABSENT = new Object();

    private long[] keys = new long[64];
    private Object[] values = new Object[64];
    private boolean[] used = new boolean[64];
    private int size;

    /** The cached value of {@code key}, or {@link #ABSENT}. */
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
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        store(key, value);
    }

    private void store(long key, Object value) {
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
                store(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
