package io.threadwatch.analyzer.source;

import io.threadwatch.analyzer.event.Event;
import io.threadwatch.analyzer.event.OldObjectSampled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;

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
    public void translate(RecordedEvent event, TranslationContext context, Consumer<Event> sink) {
        RecordedObject object = event.getValue(OBJECT);
        String type = object == null ? "" : TranslationContext.className(object.getClass(TYPE));
        long size = event.hasField(OBJECT_SIZE) ? event.getLong(OBJECT_SIZE) : -1;
        Duration age = event.getDuration(OBJECT_AGE);
        sink.accept(new OldObjectSampled(event.getStartTime(), type, size, age.isNegative() ? Duration.ZERO : age,
                context.stack(event.getStackTrace()), pathToRoot(object), root(event.getValue(ROOT))));
    }

    private static List<String> pathToRoot(RecordedObject object) {
        List<String> path = new ArrayList<>();
        RecordedObject current = object;
        while (current != null && path.size() < MAX_PATH) {
            RecordedObject reference = current.getValue(REFERRER);
            if (reference == null) {
                break;
            }
            RecordedObject holder = reference.getValue(OBJECT);
            if (holder == null) {
                break;
            }
            RecordedClass holderType = holder.getClass(TYPE);
            RecordedObject field = reference.getValue(FIELD);
            RecordedObject array = reference.getValue(ARRAY);
            String via = field != null ? "." + field.getString(NAME) : array != null ? "[" + array.getInt(INDEX) + "]" : "";
            path.add(TranslationContext.className(holderType) + via);
            current = holder;
        }
        return path;
    }

    private static String root(RecordedObject root) {
        if (root == null) {
            return "";
        }
        String description = root.getString(DESCRIPTION);
        String system = root.getString(SYSTEM);
        return ((system == null ? "" : system) + " " + (description == null ? "" : description)).trim();
    }
}
