package io.threadwatch.analyzer.engine;

import java.util.ArrayList;
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
    private final Map<K, Long> counts = new LinkedHashMap<>();

    TopCounts(int capacity) {
        this.capacity = capacity;
    }

    void add(K key) {
        if (counts.containsKey(key) || counts.size() < capacity) {
            counts.merge(key, 1L, Long::sum);
        }
    }

    /** The most frequent key, or {@code fallback} when none was counted. */
    K top(K fallback) {
        K best = fallback;
        long most = 0;
        for (Map.Entry<K, Long> entry : counts.entrySet()) {
            if (entry.getValue() > most) {
                best = entry.getKey();
                most = entry.getValue();
            }
        }
        return best;
    }

    /** The keys, most frequent first (first seen first on ties). */
    List<K> ranked() {
        List<Map.Entry<K, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<K, Long>comparingByValue().reversed());
        return entries.stream().map(Map.Entry::getKey).toList();
    }
}
