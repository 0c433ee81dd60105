/**
 * {@code threadwatch diff}: compares two snapshots of a JVM's threads (two recordings, two thread
 * dumps, or one of each) and says what appeared, grew, shrank or vanished, per stack and per
 * creation site grouped by thread-name family; for two recordings also the SLIs per site side by
 * side and the findings that are new, gone or unchanged. {@link Inputs} reads a snapshot,
 * {@link ThreadDiff} compares two, and {@link DiffFormat} writes the result.
 */
package io.threadwatch.analyzer.diff;
