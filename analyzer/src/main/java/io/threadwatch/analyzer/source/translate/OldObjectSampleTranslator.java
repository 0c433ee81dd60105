package io.threadwatch.analyzer.source.translate;

import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.event.OldObjectSampled;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.JfrEventSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jdk.OldObjectSample}: objects sampled at allocation that are still alive, with the
 * allocation stack, and the referrer chain to a GC root when the recording asked for it.
 */
final class OldObjectSampleTranslator implements EventTranslator {

    private static final String OBJECT = "object";
    private static final String TYPE = "type";
    private static final String REFERRER = "referrer";
    private static final String FIELD = "field";
    private static final String NAME = "name";
    private static final String ARRAY = "array";
    private static final String INDEX = "index";
    private static final String OBJECT_SIZE = "objectSize";
    private static final String OBJECT_AGE = "objectAge";
    private static final String ROOT = "root";
    private static final String DESCRIPTION = "description";
    private static final String SYSTEM = "system";
    /** Referrer chains can be thousands of links long; the first ones name the holder. */
    private static final int MAX_PATH = 16;

    @Override
    public JfrEventSettings settings() {
        // cutoff 0 ns: no path to GC roots, which is costly to collect (jfr-reference §7).
        return JfrEventSettings.enabled(JfrEventNames.OLD_OBJECT_SAMPLE).withStackTrace().with("cutoff", "0 ns");
    }

    @Override
    public void translate(SourceEvent event, TranslationContext context, EventSink sink) {
        RecordFields object = event.struct(OBJECT);
        String type = object == null ? "" : object.className(TYPE);
        long size = event.hasField(OBJECT_SIZE) ? event.getLong(OBJECT_SIZE) : -1;
        long ageNanos = event.durationNanos(OBJECT_AGE);
        sink.accept(new OldObjectSampled(event.startTime(), type, size, Duration.ofNanos(Math.max(0, ageNanos)),
                event.stack(), pathToRoot(object), root(event.struct(ROOT))));
    }

    private static List<String> pathToRoot(RecordFields object) {
        List<String> path = new ArrayList<>();
        RecordFields current = object;
        while (current != null && path.size() < MAX_PATH) {
            RecordFields reference = current.struct(REFERRER);
            if (reference == null) {
                break;
            }
            RecordFields holder = reference.struct(OBJECT);
            if (holder == null) {
                break;
            }
            RecordFields field = reference.struct(FIELD);
            RecordFields array = reference.struct(ARRAY);
            String via = field != null ? "." + field.getString(NAME) : array != null ? "[" + array.getInt(INDEX) + "]" : "";
            path.add(holder.className(TYPE) + via);
            current = holder;
        }
        return path;
    }

    private static String root(RecordFields root) {
        if (root == null) {
            return "";
        }
        String description = root.getString(DESCRIPTION);
        String system = root.getString(SYSTEM);
        return ((system == null ? "" : system) + " " + (description == null ? "" : description)).trim();
    }
}
