package io.threadwatch.analyzer.source.jmc;

import io.threadwatch.analyzer.source.translate.RecordFields;
import io.threadwatch.analyzer.source.translate.ThreadRef;
import io.threadwatch.analyzer.source.translate.TranslationContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmc.common.IMCOldObject;
import org.openjdk.jmc.common.IMCOldObjectArray;
import org.openjdk.jmc.common.IMCOldObjectField;
import org.openjdk.jmc.common.IMCOldObjectGcRoot;
import org.openjdk.jmc.common.IMCThread;
import org.openjdk.jmc.common.IMCThreadGroup;
import org.openjdk.jmc.common.IMCType;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.KindOfQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.LabeledIdentifier;

/**
 * {@link RecordFields} over values as JMC's parser hands them out: numbers as {@link IQuantity} in
 * the field's own unit, classes as {@link IMCType}, threads as {@link IMCThread}, the structs JMC
 * knows as its own model types and the others flattened into the event.
 */
abstract class JmcFields implements RecordFields {

    /** The thread group of every virtual thread (JDK 21+), the only trace JMC keeps of {@code virtual}. */
    private static final String VIRTUAL_THREAD_GROUP = "VirtualThreads";

    private static final Map<String, String> PRIMITIVE_DESCRIPTORS = Map.of("boolean", "Z", "byte", "B", "char", "C",
            "short", "S", "int", "I", "long", "J", "float", "F", "double", "D");

    private final TranslationContext context;

    JmcFields(TranslationContext context) {
        this.context = context;
    }

    TranslationContext context() {
        return context;
    }

    /** The value of a field, or {@code null} when absent or null. */
    abstract Object value(String name);

    @Override
    public long getLong(String name) {
        Object value = value(name);
        if (value instanceof IQuantity quantity) {
            // The number as written, in the field's unit, as the JDK's getLong reads it.
            return quantity.longValue();
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof LabeledIdentifier type) {
            // JMC resolves an event type id (ActiveSetting's id) to the type itself; remember the
            // name so that TranslationContext.eventTypeName finds it, as the JDK source's metadata does.
            context.registerEventType(type.getImplementationId(), JmcEventType.jfrName(type.getInterfaceId()));
            return type.getImplementationId();
        }
        return 0;
    }

    @Override
    public boolean getBoolean(String name) {
        return value(name) instanceof Boolean flag && flag;
    }

    @Override
    public String getString(String name) {
        return value(name) instanceof String text ? text : null;
    }

    @Override
    public String className(String name) {
        return value(name) instanceof IMCType type ? className(type) : "";
    }

    @Override
    public RecordFields struct(String name) {
        Object value = value(name);
        if (value instanceof IMCOldObject object) {
            return oldObject(object);
        }
        if (value instanceof IMCOldObjectGcRoot root) {
            Map<String, Object> fields = new HashMap<>();
            fields.put("system", root.getSystem());
            fields.put("type", root.getType());
            fields.put("description", root.getDescription());
            return new MapFields(fields, context);
        }
        return null;
    }

    @Override
    public ThreadRef thread(String name) {
        return value(name) instanceof IMCThread thread ? threadRef(thread) : null;
    }

    @Override
    public long durationNanos(String name) {
        if (!(value(name) instanceof IQuantity quantity)) {
            return 0;
        }
        if (quantity.longValue() == Long.MIN_VALUE) {
            return Long.MIN_VALUE;
        }
        KindOfQuantity<?> kind = quantity.getUnit().getContentType();
        return kind == UnitLookup.TIMESPAN ? quantity.clampedLongValueIn(UnitLookup.NANOSECOND) : quantity.longValue();
    }

    @Override
    public Instant instant(String name) {
        if (!(value(name) instanceof IQuantity quantity) || quantity.longValue() == Long.MIN_VALUE) {
            return null;
        }
        return Instant.ofEpochSecond(0, quantity.clampedLongValueIn(UnitLookup.EPOCH_NS));
    }

    /**
     * The binary name, as {@code Class.getName()} and the JDK's parser give it: {@code a.b.Outer$Inner},
     * and for arrays {@code [B} or {@code [Ljava.lang.Object;}, which JMC spells {@code byte[]} and
     * {@code java.lang.Object[]}.
     */
    static String className(IMCType type) {
        String name;
        try {
            name = type.getFullName();
        } catch (RuntimeException e) {
            // JMC's stand-in for a method without a class converts a null name and throws; the JDK's
            // parser gives no class there either.
            return "";
        }
        if (name == null) {
            return "";
        }
        if (!name.endsWith("[]")) {
            return name;
        }
        StringBuilder binary = new StringBuilder();
        String element = name;
        while (element.endsWith("[]")) {
            binary.append('[');
            element = element.substring(0, element.length() - 2);
        }
        String primitive = PRIMITIVE_DESCRIPTORS.get(element);
        return primitive != null ? binary.append(primitive).toString() : binary.append('L').append(element).append(';').toString();
    }

    /**
     * A thread keyed by its Java thread id. Never by JMC's thread object: JMC's threads are equal
     * when their OS thread ids are, and every virtual thread has OS thread id 0.
     */
    static ThreadRef threadRef(IMCThread thread) {
        long id;
        try {
            Long javaThreadId = thread.getThreadId();
            id = javaThreadId == null ? 0 : javaThreadId;
        } catch (RuntimeException e) {
            // JMC unboxes a missing javaThreadId (a thread the JVM gave none): not a Java thread.
            id = 0;
        }
        String name = thread.getThreadName();
        IMCThreadGroup group = thread.getThreadGroup();
        boolean virtual = group != null && VIRTUAL_THREAD_GROUP.equals(group.getName());
        return new ThreadRef(id, name == null ? "" : name, virtual);
    }

    private RecordFields oldObject(IMCOldObject object) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("type", object.getType());
        fields.put("description", object.getDescription());
        IMCOldObject holder = object.getReferrer();
        if (holder != null) {
            Map<String, Object> reference = new HashMap<>();
            reference.put("object", holder);
            IMCOldObjectField field = object.getReferrerField();
            if (field != null) {
                Map<String, Object> fieldFields = new HashMap<>();
                fieldFields.put("name", field.getName());
                reference.put("field", new MapFields(fieldFields, context));
            }
            IMCOldObjectArray array = object.getReferrerArray();
            if (array != null) {
                Map<String, Object> arrayFields = new HashMap<>();
                arrayFields.put("index", array.getIndex());
                arrayFields.put("size", array.getSize());
                reference.put("array", new MapFields(arrayFields, context));
            }
            reference.put("skip", (long) object.getReferrerSkip());
            fields.put("referrer", new MapFields(reference, context));
        }
        return new MapFields(fields, context);
    }

    /** A struct JMC hands out as one of its model types, copied into a map by JFR field name. */
    private static final class MapFields extends JmcFields {

        private final Map<String, Object> fields;

        MapFields(Map<String, Object> fields, TranslationContext context) {
            super(context);
            this.fields = fields;
        }

        @Override
        Object value(String name) {
            return fields.get(name);
        }

        @Override
        public boolean hasField(String name) {
            return fields.containsKey(name);
        }

        @Override
        public RecordFields struct(String name) {
            return value(name) instanceof RecordFields struct ? struct : super.struct(name);
        }
    }
}
