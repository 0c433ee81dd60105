package io.threadwatch.analyzer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The engine's thread-id map behaves as a {@code HashMap<Long, V>} through growth and removals. */
class LongMapTest {

    @Test
    void agreesWithAHashMapOverThreadsComingAndGoing() {
        LongMap<String> map = new LongMap<>();
        Map<Long, String> expected = new HashMap<>();
        Random random = new Random(12);
        for (int step = 0; step < 200_000; step++) {
            // Thread ids: mostly a few hundred consecutive ones, some far apart, some negative.
            long id = random.nextInt(10) == 0 ? random.nextLong() % 1_000_000 : random.nextInt(600);
            switch (random.nextInt(3)) {
                case 0 -> {
                    map.put(id, "t" + step);
                    expected.put(id, "t" + step);
                }
                case 1 -> assertThat(map.remove(id)).isEqualTo(expected.remove(id));
                default -> assertThat(map.get(id)).isEqualTo(expected.get(id));
            }
            assertThat(map.size()).isEqualTo(expected.size());
        }
        for (Map.Entry<Long, String> entry : expected.entrySet()) {
            assertThat(map.get(entry.getKey())).isEqualTo(entry.getValue());
        }
        map.clear();
        assertThat(map.size()).isZero();
        assertThat(map.get(expected.keySet().iterator().next())).isNull();
    }

    @Test
    void findsKeysWhoseRunsWrapAroundTheTable() {
        LongMap<Long> map = new LongMap<>();
        for (long id = 0; id < 7; id++) {
            map.put(id * 16, id);
        }
        for (long id = 0; id < 7; id += 2) {
            assertThat(map.remove(id * 16)).isEqualTo(id);
        }
        for (long id = 1; id < 7; id += 2) {
            assertThat(map.get(id * 16)).isEqualTo(id);
        }
        assertThat(map.get(0)).isNull();
        assertThat(map.size()).isEqualTo(3);
    }
}
