/**
 * The neutral event model: a small sealed set of immutable records that every source (the JDK's
 * JFR consumer today, JMC's parser later, a live stream) translates JFR events into, so that the
 * engine never sees {@code RecordedEvent} or a JMC item.
 *
 * <pre>{@code
 * StackTable stacks = new StackTable();
 * Stack creator = stacks.intern(List.of(new Frame("com.acme.Reloader", "reload", 42)), false);
 * Event started = new ThreadStarted(time, 31, "scheduler-7", 1, creator);
 * }</pre>
 *
 * <p>Conventions: every event's {@code time} is when it was committed (the end of a duration
 * event), as an {@link java.time.Instant}. Threads are identified by their Java thread id
 * ({@code Thread.getId()}), never by OS thread or name. Durations carry their unit in their name.
 * Nothing here is {@code null}: an absent stack is {@link io.threadwatch.analyzer.event.Stack#EMPTY}
 * and an absent text is the empty string.
 *
 * <p>Events go from a source to an {@link io.threadwatch.analyzer.event.EventSink}, a
 * {@code Consumer<Event>} that may also take a {@code Blocked} wait by its fields, with its time
 * in {@link io.threadwatch.analyzer.event.EpochNanos}: waits are most of a recording's events,
 * and the engine takes them so without building an object for each.
 */
package io.threadwatch.analyzer.event;
