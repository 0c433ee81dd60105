package io.threadwatch.analyzer.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The live stream's settings: what {@code threadwatch.jfc} declares, with the live overrides and no others. */
class JfrSettingsTest {

    private static final Duration DUMPS = Duration.ofSeconds(2);
    private static final Duration CONFIG = Duration.ofSeconds(30);
    private static final Duration BLOCKING = Duration.ofMillis(7);

    @Test
    void onlyTheBlockingEventsTakeTheBlockingThreshold() {
        Map<String, String> live = thresholds(JfrSettings.live(DUMPS, CONFIG, BLOCKING));
        Map<String, String> declared = thresholds(JfrSettings.required());
        assertThat(live).containsOnlyKeys(declared.keySet());
        Map<String, String> changed = new TreeMap<>();
        live.forEach((event, threshold) -> {
            if (!threshold.equals(declared.get(event))) {
                changed.put(event, threshold);
            }
        });
        assertThat(changed).containsOnlyKeys(JfrEventNames.THREAD_PARK, JfrEventNames.JAVA_MONITOR_ENTER,
                JfrEventNames.JAVA_MONITOR_WAIT, JfrEventNames.THREAD_SLEEP, JfrEventNames.SOCKET_READ,
                JfrEventNames.VIRTUAL_THREAD_PINNED).containsValues("7 ms").doesNotContainValue("20 ms");
        assertThat(live).containsEntry(JfrEventNames.GARBAGE_COLLECTION, "0 ms");
    }

    @Test
    void theDumpAndChunkBoundPeriodsAreTheLiveOnes() {
        List<JfrEventSettings> live = JfrSettings.live(DUMPS, CONFIG, BLOCKING);
        assertThat(setting(live, JfrEventNames.THREAD_DUMP, "period")).isEqualTo("2000 ms");
        assertThat(setting(live, JfrEventNames.CPU_INFORMATION, "period")).isEqualTo("30000 ms");
        assertThat(setting(live, JfrEventNames.GC_CONFIGURATION, "period")).isEqualTo("30000 ms");
        assertThat(setting(live, JfrEventNames.EXECUTION_SAMPLE, "period"))
                .isEqualTo(setting(JfrSettings.required(), JfrEventNames.EXECUTION_SAMPLE, "period"));
    }

    private static Map<String, String> thresholds(List<JfrEventSettings> settings) {
        Map<String, String> thresholds = new TreeMap<>();
        for (JfrEventSettings event : settings) {
            for (JfrEventSettings.Setting setting : event.settings()) {
                if (setting.name().equals("threshold")) {
                    thresholds.put(event.eventName(), setting.value());
                }
            }
        }
        return thresholds;
    }

    private static String setting(List<JfrEventSettings> settings, String event, String name) {
        return settings.stream().filter(e -> e.eventName().equals(event))
                .flatMap(e -> e.settings().stream())
                .filter(s -> s.name().equals(name))
                .map(JfrEventSettings.Setting::value)
                .findFirst().orElseThrow();
    }
}
