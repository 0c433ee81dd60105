package io.threadwatch.analyzer.source.chunk;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One type of a chunk's metadata: an event type, a constant-pool type, a struct or a primitive.
 * Field lookups by name go through a map built once per chunk.
 */
public final class TypeDescriptor {

    private final long id;
    private final String name;
    private final String superType;
    private final boolean simple;
    private final List<FieldDescriptor> fields;
    private final Map<String, Integer> indexes = new HashMap<>();
    private final Primitive primitive;
    /** Fields every event reads, looked up once per chunk rather than once per event. */
    final int startTimeIndex;
    final int durationIndex;
    private final int stackTraceIndex;
    private final int eventThreadIndex;

    /** How values of a field's type are encoded. */
    enum Primitive {
        BOOLEAN, BYTE, SHORT, CHAR, INT, LONG, FLOAT, DOUBLE, STRING, NONE;

        static Primitive of(String typeName) {
            return switch (typeName) {
                case "boolean" -> BOOLEAN;
                case "byte" -> BYTE;
                case "short" -> SHORT;
                case "char" -> CHAR;
                case "int" -> INT;
                case "long" -> LONG;
                case "float" -> FLOAT;
                case "double" -> DOUBLE;
                case "java.lang.String" -> STRING;
                default -> NONE;
            };
        }
    }

    TypeDescriptor(long id, String name, String superType, boolean simple, List<FieldDescriptor> fields) {
        this.id = id;
        this.name = name;
        this.superType = superType;
        this.simple = simple;
        this.fields = List.copyOf(fields);
        for (int i = 0; i < this.fields.size(); i++) {
            indexes.putIfAbsent(this.fields.get(i).name(), i);
        }
        this.primitive = Primitive.of(name);
        this.startTimeIndex = indexOf("startTime");
        this.durationIndex = indexOf("duration");
        this.stackTraceIndex = indexOf("stackTrace");
        this.eventThreadIndex = indexOf("eventThread");
    }

    private TypeDescriptor[] fieldTypes;
    /**
     * How each field is read ({@link FieldReader}), decided once from the metadata, as the JDK's
     * parser builds one reader per type: decoding an event then dispatches on one array element per
     * field instead of asking the field's descriptor and type every time.
     */
    private byte[] readers;

    /** Resolves the type of each field once, so decoding never looks a type up by id. */
    void link(Map<Long, TypeDescriptor> types) {
        fieldTypes = new TypeDescriptor[fields.size()];
        readers = new byte[fields.size()];
        for (int i = 0; i < fieldTypes.length; i++) {
            fieldTypes[i] = types.get(fields.get(i).typeId());
            readers[i] = FieldReader.of(fields.get(i), fieldTypes[i]);
        }
    }

    /** How field {@code index} is read: one of the {@link FieldReader} codes. */
    byte reader(int index) {
        return readers[index];
    }

    /** The type of field {@code index}. */
    TypeDescriptor fieldType(int index) {
        TypeDescriptor type = fieldTypes[index];
        if (type == null) {
            throw new IllegalArgumentException(name + "." + fields.get(index).name() + " has an unknown type "
                    + fields.get(index).typeId());
        }
        return type;
    }

    /** The index of the {@code stackTrace} field, or -1. */
    public int stackTraceIndex() {
        return stackTraceIndex;
    }

    /** The index of the {@code eventThread} field, or -1. */
    public int eventThreadIndex() {
        return eventThreadIndex;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** Whether this is an event type ({@code extends jdk.jfr.Event}). */
    public boolean isEvent() {
        return "jdk.jfr.Event".equals(superType);
    }

    /** Whether values stand for their only field, as {@code jdk.types.Symbol} stands for its string. */
    boolean simple() {
        return simple;
    }

    Primitive primitive() {
        return primitive;
    }

    public List<FieldDescriptor> fields() {
        return fields;
    }

    /** The index of a field, or -1 when the type has no such field. */
    public int indexOf(String field) {
        Integer index = indexes.get(field);
        return index == null ? -1 : index;
    }

    @Override
    public String toString() {
        return name + "(" + id + ")";
    }
}
