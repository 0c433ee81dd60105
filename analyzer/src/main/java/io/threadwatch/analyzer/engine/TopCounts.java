package io.threadwatch.analyzer.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts occurrences of the first {@code capacity} distinct keys it sees and ignores later new
 * ones, so evidence (stacks, blocker classes, reasons) costs bounded memory per site. Ties go to
 * the key seen first, so results do not depend on hash order.
 *
 * @param <K> what is counted
 */
final class TopCounts<K> {

    private final int capacity;
    /** Mutable counters: {@code merge} with boxed longs allocated on every blocking event. */
    private final Map<K, long[]> counts = new LinkedHashMap<>();

    TopCounts(int capacity) {
        this.capacity = capacity;
    }

    void add(K key) {
        long[] count = counts.get(key);
        if (count != null) {
            count[0]++;
        } else if (counts.size() < capacity) {
            counts.put(key, new long[] {1});
        }
    }

    /** The most frequent key, or {@code fallback} when none was counted. */
    K top(K fallback) {
        K best = fallback;
        long most = 0;
        for (Map.Entry<K, long[]> entry : counts.entrySet()) {
            if (entry.getValue()[0] > most) {
                best = entry.getKey();
                most = entry.getValue()[0];
            }
        }
        return best;
    }

    /** The keys, most frequent first (first seen first on ties). */
    List<K> ranked() {
        List<Map.Entry<K, long[]>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Comparator.comparingLong((Map.Entry<K, long[]> entry) -> entry.getValue()[0]).reversed());
        return entries.stream().map(Map.Entry::getKey).toList();
    }
}
