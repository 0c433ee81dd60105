package io.threadwatch.analyzer.source.jmc;

import io.threadwatch.analyzer.source.translate.EventTranslator;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmc.common.IMCStackTrace;
import org.openjdk.jmc.common.item.IAccessorKey;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.IType;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.JfrAttributes;

/**
 * One JMC event type as the JMC source reads it: its JFR name, its translator and the accessors of
 * its fields, looked up once per type rather than once per event.
 */
final class JmcEventType {

    /**
     * JMC renames the type of a chunk whose fields differ from an earlier chunk's (two JDK versions'
     * files analyzed together) by appending a random UUID to the name.
     */
    private static final Pattern RENAMED = Pattern.compile("(.+?)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /**
     * Fields JMC's {@code SyntheticAttributeExtension} renames on load: ActiveSetting's event type
     * {@code id} (read as a {@code LabeledIdentifier}) and ExecutionSample's {@code sampledThread}.
     */
    private static final Map<String, String> RENAMED_FIELDS = Map.of("id", "settingFor", "sampledThread", "eventThread");

    private final IType<IItem> type;
    private final EventTranslator translator;
    private final Map<String, IMemberAccessor<?, IItem>> fields = new HashMap<>();
    private final IMemberAccessor<IQuantity, IItem> start;
    private final IMemberAccessor<IQuantity, IItem> end;
    private final IMemberAccessor<IMCStackTrace, IItem> stack;

    private JmcEventType(IType<IItem> type, EventTranslator translator) {
        this.type = type;
        this.translator = translator;
        for (IAccessorKey<?> key : type.getAccessorKeys().keySet()) {
            fields.put(key.getIdentifier(), type.getAccessor(key));
        }
        this.start = JfrAttributes.START_TIME.getAccessor(type);
        // JMC derives the end time from start and duration; an instant event's end is its start.
        IMemberAccessor<IQuantity, IItem> endTime = JfrAttributes.END_TIME.getAccessor(type);
        this.end = endTime == null ? start : endTime;
        this.stack = JfrAttributes.EVENT_STACKTRACE.getAccessor(type);
    }

    /** The type with its translator, or {@code null} when no translator reads it or it has no time. */
    static JmcEventType of(IType<IItem> type, Map<String, EventTranslator> translators) {
        EventTranslator translator = translators.get(jfrName(type.getIdentifier()));
        if (translator == null || JfrAttributes.START_TIME.getAccessor(type) == null) {
            return null;
        }
        return new JmcEventType(type, translator);
    }

    /** The JFR event name behind a JMC type identifier. */
    static String jfrName(String identifier) {
        Matcher renamed = RENAMED.matcher(identifier);
        return renamed.matches() ? renamed.group(1) : identifier;
    }

    IType<IItem> type() {
        return type;
    }

    EventTranslator translator() {
        return translator;
    }

    /** Start time in epoch nanoseconds. */
    long startNanos(IItem item) {
        return epochNanos(start.getMember(item));
    }

    /** End (commit) time in epoch nanoseconds. */
    long endNanos(IItem item) {
        return epochNanos(end.getMember(item));
    }

    IMCStackTrace stack(IItem item) {
        return stack == null ? null : stack.getMember(item);
    }

    /**
     * The accessor of a JFR field: by its name, by JMC's name for a field it renames, or, for a
     * field of a nested struct ({@code heapSpace.committedSize}), by JMC's flattened name
     * ({@code heapSpace:committedSize}); {@code null} when the type has no such field.
     */
    IMemberAccessor<?, IItem> field(String name) {
        IMemberAccessor<?, IItem> accessor = fields.get(name);
        if (accessor == null && RENAMED_FIELDS.containsKey(name)) {
            accessor = fields.get(RENAMED_FIELDS.get(name));
        }
        if (accessor == null && name.indexOf('.') > 0) {
            accessor = fields.get(name.replace('.', ':'));
        }
        return accessor;
    }

    /** Whether the type has fields flattened from a struct field {@code name}. */
    boolean hasFlattened(String name) {
        String prefix = name + ":";
        return fields.keySet().stream().anyMatch(field -> field.startsWith(prefix));
    }

    private static long epochNanos(IQuantity time) {
        return time == null ? 0 : time.clampedLongValueIn(UnitLookup.EPOCH_NS);
    }
}
