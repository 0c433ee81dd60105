package io.threadwatch.analyzer.source.chunk;

/**
 * The ways a field's value is read, one code per field, chosen once per type when a chunk's
 * metadata is linked ({@link TypeDescriptor#reader}). Codes are bytes rather than an enum so that
 * the per-field dispatch of every event is a plain table switch.
 */
final class FieldReader {

    static final byte BYTE = 0;
    static final byte SHORT = 1;
    static final byte CHAR = 2;
    static final byte INT = 3;
    static final byte LONG = 4;
    static final byte FLOAT = 5;
    static final byte DOUBLE = 6;
    static final byte STRING = 7;
    /** An inline struct. */
    static final byte STRUCT = 8;
    /** A constant-pool key, kept unresolved until asked for. */
    static final byte POOL_KEY = 9;
    /** An array, of any element type. */
    static final byte ARRAY = 10;
    /** A field whose type the metadata does not declare: reading it is a format error. */
    static final byte UNKNOWN_TYPE = 11;

    private FieldReader() {
    }

    /** The code of {@code field}, whose type is {@code type} ({@code null} when undeclared). */
    static byte of(FieldDescriptor field, TypeDescriptor type) {
        if (field.array()) {
            return ARRAY;
        }
        if (field.constantPool()) {
            return POOL_KEY;
        }
        if (type == null) {
            return UNKNOWN_TYPE;
        }
        return switch (type.primitive()) {
            case BOOLEAN, BYTE -> BYTE;
            case SHORT -> SHORT;
            case CHAR -> CHAR;
            case INT -> INT;
            case LONG -> LONG;
            case FLOAT -> FLOAT;
            case DOUBLE -> DOUBLE;
            case STRING -> STRING;
            case NONE -> STRUCT;
        };
    }
}
