package io.threadwatch.analyzer.source.translate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every translator the analysis uses, in the order their settings are written. */
public final class Translators {

    private Translators() {
    }

    public static List<EventTranslator> all() {
        List<EventTranslator> readers = List.of(
                new ThreadStartTranslator(),
                new ThreadEndTranslator(),
                new JavaThreadStatisticsTranslator(),
                new ThreadParkTranslator(),
                new JavaMonitorEnterTranslator(),
                new JavaMonitorWaitTranslator(),
                new ThreadSleepTranslator(),
                new SocketReadTranslator(),
                new ThreadDumpTranslator(),
                new ExecutionSampleTranslator(),
                new CpuInformationTranslator(),
                new ContainerConfigurationTranslator(),
                new JvmInformationTranslator(),
                new IntFlagTranslator(),
                new VirtualThreadStartTranslator(),
                new VirtualThreadEndTranslator(),
                new VirtualThreadPinnedTranslator(),
                new VirtualThreadSubmitFailedTranslator(),
                new GarbageCollectionTranslator(),
                new GcHeapSummaryTranslator(),
                new GcConfigurationTranslator(),
                new GcHeapConfigurationTranslator(),
                new G1GarbageCollectionTranslator(),
                new OldObjectSampleTranslator());
        Set<String> analyzed = new LinkedHashSet<>();
        for (EventTranslator translator : readers) {
            analyzed.add(translator.settings().eventName());
        }
        List<EventTranslator> all = new ArrayList<>(readers);
        all.add(new ActiveSettingTranslator(analyzed));
        return all;
    }

    /**
     * The translator of {@code jdk.JVMInformation} alone, for telling which JVM recorded a file
     * without running the others.
     */
    public static EventTranslator jvmInformation() {
        return new JvmInformationTranslator();
    }
}
