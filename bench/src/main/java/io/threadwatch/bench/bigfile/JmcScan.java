package io.threadwatch.bench.bigfile;

import java.io.File;
import java.util.Set;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.ItemFilters;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.JfrAttributes;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;

/**
 * Loads a recording with JMC's {@link JfrLoaderToolkit#loadEvents(File)}, as JMC and its rules
 * do, and reads the duration of every blocking event (parks, monitor enters and waits, socket
 * reads). Prints {@code blocking_events=N}.
 */
public final class JmcScan {
    /** The blocking event types Threadwatch's rules read. */
    private static final Set<String> BLOCKING =
            Set.of("jdk.ThreadPark", "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.SocketRead");

    private JmcScan() {
    }

    public static void main(String[] args) throws Exception {
        IItemCollection all = JfrLoaderToolkit.loadEvents(new File(args[0]));
        long events = 0;
        long durationNanos = 0;
        for (IItemIterable items : all.apply(ItemFilters.type(BLOCKING))) {
            IMemberAccessor<IQuantity, IItem> duration = JfrAttributes.DURATION.getAccessor(items.getType());
            for (IItem item : items) {
                durationNanos += duration.getMember(item).clampedLongValueIn(UnitLookup.NANOSECOND);
                events++;
            }
        }
        System.out.println("blocking_events=" + events + " duration_ms=" + durationNanos / 1_000_000);
    }
}
