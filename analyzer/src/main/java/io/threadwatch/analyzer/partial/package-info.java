/**
 * The compact binary form of a chunk's translated events, for
 * {@link io.threadwatch.analyzer.ChunkPartial}: {@link io.threadwatch.analyzer.partial.PartialEncoder}
 * writes what a source replays, {@link io.threadwatch.analyzer.partial.PartialDecoder} replays it
 * into another sink, on another machine if need be. Waits, almost all of a recording, take a few
 * bytes each (their time as the step from the previous wait's, stacks and strings as references to
 * their first occurrence); every other event is written component by component from its record.
 * Depends on the event model alone.
 */
package io.threadwatch.analyzer.partial;
