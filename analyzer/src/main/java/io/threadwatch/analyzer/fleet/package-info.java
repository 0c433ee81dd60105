/**
 * Several recordings analyzed each on its own, and what they have in common: {@code analyze --each}.
 *
 * <pre>{@code
 * List<FleetEntry> entries = new ArrayList<>();
 * for (Path file : files) {
 *     entries.add(FleetEntry.analyze(file, AnalysisOptions.defaults()));   // a report, or why not
 * }
 * FleetReport fleet = Fleet.of(entries);
 * fleet.recordings();   // one line per recording: its worst finding, site, duration, JVM
 * fleet.sites();        // per site fingerprint: the kind, and in which recordings it was found
 * }</pre>
 *
 * <p>A recording that cannot be analyzed is a line with its error, never the end of the run.
 * Nothing here is {@code null} except where a record's Javadoc says so (a recording without a
 * finding has no worst finding; one that could not be read has no report, time span or JVM).
 */
package io.threadwatch.analyzer.fleet;
