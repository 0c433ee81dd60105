package io.threadwatch.analyzer.source.chunk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a chunk's metadata event: a string table, then a tree of elements whose {@code class}
 * elements declare every type, their {@code field}s and the {@code annotation}s that give time units.
 */
final class MetadataReader {

    private static final int MAX_DEPTH = 32;

    /** One element of the tree: a name, attributes and children. */
    private record Element(String name, Map<String, String> attributes, List<Element> children) {

        String attribute(String key, String fallback) {
            return attributes.getOrDefault(key, fallback);
        }
    }

    private MetadataReader() {
    }

    /** The types, by id, of the metadata event at the cursor (after its size and type id). */
    static Map<Long, TypeDescriptor> read(ChunkBytes in) {
        in.readLong(); // start time
        in.readLong(); // duration
        in.readLong(); // metadata id
        int count = in.readCount();
        String[] strings = new String[count];
        for (int i = 0; i < count; i++) {
            Object value = in.readStringOrKey();
            strings[i] = value instanceof String s ? s : "";
        }
        Element root = element(in, strings, 0);
        List<Element> classes = new ArrayList<>();
        collectClasses(root, classes, 0);
        Map<Long, String> names = new HashMap<>();
        for (Element type : classes) {
            names.put(id(type), type.attribute("name", ""));
        }
        Map<Long, TypeDescriptor> types = new HashMap<>();
        for (Element type : classes) {
            List<FieldDescriptor> fields = new ArrayList<>();
            for (Element child : type.children()) {
                if (child.name().equals("field")) {
                    fields.add(new FieldDescriptor(child.attribute("name", ""),
                            parseLong(child.attribute("class", "-1")),
                            "true".equals(child.attribute("constantPool", "false")),
                            !"0".equals(child.attribute("dimension", "0")), unit(child, names)));
                }
            }
            long id = id(type);
            types.put(id, new TypeDescriptor(id, type.attribute("name", ""), type.attribute("superType", ""),
                    "true".equals(type.attribute("simpleType", "false")), fields));
        }
        for (TypeDescriptor type : types.values()) {
            type.link(types);
        }
        return types;
    }

    private static Element element(ChunkBytes in, String[] strings, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IndexOutOfBoundsException("metadata nested deeper than " + MAX_DEPTH);
        }
        String name = string(in, strings);
        int attributeCount = in.readCount();
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < attributeCount; i++) {
            attributes.put(string(in, strings), string(in, strings));
        }
        int childCount = in.readCount();
        List<Element> children = new ArrayList<>(childCount);
        for (int i = 0; i < childCount; i++) {
            children.add(element(in, strings, depth + 1));
        }
        return new Element(name, attributes, children);
    }

    private static String string(ChunkBytes in, String[] strings) {
        int index = in.readInt();
        if (index < 0 || index >= strings.length) {
            throw new IndexOutOfBoundsException("metadata string " + index + " of " + strings.length);
        }
        return strings[index];
    }

    private static void collectClasses(Element element, List<Element> classes, int depth) {
        for (Element child : element.children()) {
            if (child.name().equals("class")) {
                classes.add(child);
            } else if (depth < MAX_DEPTH) {
                collectClasses(child, classes, depth + 1);
            }
        }
    }

    private static long id(Element type) {
        return parseLong(type.attribute("id", "-1"));
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The unit of a field's {@code @Timespan} or {@code @Timestamp}, from the annotation's type name. */
    private static FieldDescriptor.TimeUnit unit(Element field, Map<Long, String> names) {
        for (Element child : field.children()) {
            if (!child.name().equals("annotation")) {
                continue;
            }
            String annotation = names.getOrDefault(parseLong(child.attribute("class", "-1")), "");
            String value = child.attribute("value", "");
            if (annotation.equals("jdk.jfr.Timespan")) {
                return switch (value) {
                    case "TICKS" -> FieldDescriptor.TimeUnit.TICKS;
                    case "MICROSECONDS" -> FieldDescriptor.TimeUnit.MICROSECONDS;
                    case "MILLISECONDS" -> FieldDescriptor.TimeUnit.MILLISECONDS;
                    case "SECONDS" -> FieldDescriptor.TimeUnit.SECONDS;
                    default -> FieldDescriptor.TimeUnit.NANOSECONDS;
                };
            }
            if (annotation.equals("jdk.jfr.Timestamp")) {
                return value.equals("TICKS") ? FieldDescriptor.TimeUnit.TICKS
                        : FieldDescriptor.TimeUnit.MILLISECONDS_SINCE_EPOCH;
            }
        }
        return FieldDescriptor.TimeUnit.NONE;
    }
}
