package io.threadwatch.analyzer.source.jmc;

import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.source.translate.RecordFields;
import io.threadwatch.analyzer.source.translate.SourceEvent;
import io.threadwatch.analyzer.source.translate.TranslationContext;
import java.time.Instant;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IMemberAccessor;

/**
 * A JMC {@link IItem} seen through {@link SourceEvent}. The JMC source reuses one view for every
 * event of a replay, as the JDK's streams reuse their event objects.
 */
final class JmcEventView extends JmcFields implements SourceEvent {

    private final JmcStacks stacks;
    private JmcEventType type;
    private IItem item;
    private long startNanos;
    private long endNanos;

    JmcEventView(JmcStacks stacks, TranslationContext context) {
        super(context);
        this.stacks = stacks;
    }

    /** Points the view at the next event. */
    JmcEventView of(JmcEventType type, IItem item, long startNanos, long endNanos) {
        this.type = type;
        this.item = item;
        this.startNanos = startNanos;
        this.endNanos = endNanos;
        return this;
    }

    @Override
    public Instant startTime() {
        return Instant.ofEpochSecond(0, startNanos);
    }

    @Override
    public Instant endTime() {
        return Instant.ofEpochSecond(0, endNanos);
    }

    @Override
    public long durationNanos() {
        return endNanos - startNanos;
    }

    @Override
    public Stack stack() {
        return stacks.stack(type.stack(item));
    }

    @Override
    public boolean hasField(String name) {
        return type.field(name) != null;
    }

    @Override
    Object value(String name) {
        IMemberAccessor<?, IItem> accessor = type.field(name);
        return accessor == null ? null : accessor.getMember(item);
    }

    @Override
    public RecordFields struct(String name) {
        RecordFields struct = super.struct(name);
        if (struct == null && type.hasFlattened(name)) {
            return new Flattened(name + ".", context());
        }
        return struct;
    }

    /** A struct JMC does not model, whose fields it flattened into the event as {@code struct:field}. */
    private final class Flattened extends JmcFields {

        private final String prefix;

        Flattened(String prefix, TranslationContext context) {
            super(context);
            this.prefix = prefix;
        }

        @Override
        Object value(String name) {
            return JmcEventView.this.value(prefix + name);
        }

        @Override
        public boolean hasField(String name) {
            return JmcEventView.this.hasField(prefix + name);
        }
    }
}
