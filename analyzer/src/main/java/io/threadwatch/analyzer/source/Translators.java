package io.threadwatch.analyzer.source;

import java.util.ArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.EventType;
import jdk.jfr.consumer.EventStream;
import io.threadwatch.analyzer.event.StackTable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every translator the analysis uses, in the order their settings are written. */
final class Translators {

    private Translators() {
    }

    static List<EventTranslator> all() {
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
     * Registers every translator on a stream, so that the stream skips the event types none
     * reads, and keeps the context's event type names up to date from the stream's metadata.
     */
    static void register(EventStream stream, TranslationContext context, StackTable stacks,
                         BiConsumer<EventTranslator, SourceEvent> handler) {
        RecordedStacks recordedStacks = new RecordedStacks(stacks);
        stream.onMetadata(metadata -> {
            for (EventType type : metadata.getEventTypes()) {
                context.registerEventType(type.getId(), JfrEventNames.canonical(type.getName()));
            }
        });
        for (EventTranslator translator : all()) {
            Consumer<RecordedEvent> dispatch =
                    event -> handler.accept(translator, RecordedEventView.of(event, recordedStacks));
            String name = translator.settings().eventName();
            stream.onEvent(name, dispatch);
            // A JDK 9 or 10 recording names the same event com.oracle.jdk.* (JfrEventNames).
            stream.onEvent(JfrEventNames.jdk9Name(name), dispatch);
        }
    }
}
