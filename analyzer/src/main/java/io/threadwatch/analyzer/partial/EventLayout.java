package io.threadwatch.analyzer.partial;

import io.threadwatch.analyzer.event.Event;
import io.threadwatch.analyzer.event.Stack;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How one event record is written: its components in declaration order, each with its kind of
 * value, read through the record's accessors and built again through its canonical constructor
 * (which checks the values as it does for any source). Both are method handles of one fixed
 * type, {@code (Object)Object} and {@code (Object[])Object}, adapted once here: adapting them on
 * each call ({@code invokeWithArguments}) was a fifth of a merge's time. The layouts come from the sealed
 * {@link Event}'s permitted records, so a new event type is written without code here, and one
 * with a component of a kind not listed below fails when this class loads, in every test.
 */
record EventLayout(Class<? extends Event> type, List<Component> components, MethodHandle constructor) {

    private static final MethodType ACCESSOR = MethodType.methodType(Object.class, Object.class);
    private static final MethodType CONSTRUCTOR = MethodType.methodType(Object.class, Object[].class);

    /** A component's kind of value, as written. */
    enum Kind { LONG, INT, BOOLEAN, STRING, INSTANT, DURATION, STACK, ENUM, STRINGS }

    /** One record component: its kind, accessor ({@code (Object)Object}) and, for an enum, its constants. */
    record Component(String name, Kind kind, MethodHandle accessor, Object[] constants) {
    }

    /** Every event type's layout, indexed as written: the order {@link Event} permits them. */
    static final List<EventLayout> ALL = layouts();
    /** Each event type's index in {@link #ALL}. */
    private static final Map<Class<?>, Integer> INDEX = index();

    private static List<EventLayout> layouts() {
        List<EventLayout> layouts = new ArrayList<>();
        for (Class<?> permitted : Event.class.getPermittedSubclasses()) {
            layouts.add(of(permitted.asSubclass(Event.class)));
        }
        return List.copyOf(layouts);
    }

    private static Map<Class<?>, Integer> index() {
        Map<Class<?>, Integer> index = new HashMap<>();
        for (int i = 0; i < ALL.size(); i++) {
            index.put(ALL.get(i).type(), i);
        }
        return Map.copyOf(index);
    }

    /** The index in {@link #ALL} of an event's type. */
    static int indexOf(Event event) {
        return INDEX.get(event.getClass());
    }

    private static EventLayout of(Class<? extends Event> type) {
        if (!type.isRecord()) {
            throw new IllegalStateException(type.getName() + " is not a record: a partial cannot write it");
        }
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        List<Component> components = new ArrayList<>();
        RecordComponent[] declared = type.getRecordComponents();
        Class<?>[] parameters = new Class<?>[declared.length];
        try {
            for (int i = 0; i < declared.length; i++) {
                RecordComponent component = declared[i];
                parameters[i] = component.getType();
                Kind kind = kindOf(type, component);
                Object[] constants = kind == Kind.ENUM ? component.getType().getEnumConstants() : null;
                components.add(new Component(component.getName(), kind,
                        lookup.unreflect(component.getAccessor()).asType(ACCESSOR), constants));
            }
            Constructor<? extends Event> canonical = type.getDeclaredConstructor(parameters);
            MethodHandle constructor = lookup.unreflectConstructor(canonical)
                    .asSpreader(Object[].class, declared.length).asType(CONSTRUCTOR);
            return new EventLayout(type, List.copyOf(components), constructor);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the components of " + type.getName(), e);
        }
    }

    private static Kind kindOf(Class<?> type, RecordComponent component) {
        Class<?> c = component.getType();
        if (c == long.class) {
            return Kind.LONG;
        } else if (c == int.class) {
            return Kind.INT;
        } else if (c == boolean.class) {
            return Kind.BOOLEAN;
        } else if (c == String.class) {
            return Kind.STRING;
        } else if (c == Instant.class) {
            return Kind.INSTANT;
        } else if (c == Duration.class) {
            return Kind.DURATION;
        } else if (c == Stack.class) {
            return Kind.STACK;
        } else if (c.isEnum()) {
            return Kind.ENUM;
        } else if (c == List.class && component.getGenericType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] == String.class) {
            return Kind.STRINGS;
        }
        throw new IllegalStateException(type.getName() + "." + component.getName() + " is a "
                + component.getGenericType() + ", which a partial cannot write yet (EventLayout.Kind)");
    }
}
