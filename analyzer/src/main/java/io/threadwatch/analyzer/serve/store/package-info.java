/**
 * Where {@code threadwatch serve} keeps what it was given: a {@link io.threadwatch.analyzer.serve.store.DataDir}
 * for uploads, their {@link io.threadwatch.analyzer.serve.store.Sidecar}s and reports (files named by id,
 * written to {@code tmp/} and moved into place; the sidecar, synced before the {@code 202}, is the record
 * that an upload was accepted, from which a row the database lost is rebuilt) and a
 * {@link io.threadwatch.analyzer.serve.store.Database} (embedded H2 or PostgreSQL, under Flyway
 * migrations) for the metadata that {@link io.threadwatch.analyzer.serve.store.RecordingStore} reads
 * and writes.
 *
 * <pre>{@code
 * DataDir dir = DataDir.open(Path.of("data"));
 * try (Database db = Database.open(Database.embeddedUrl(dir), "sa", "")) {
 *     RecordingStore store = new RecordingStore(db);
 *     store.unfinished().forEach(r -> System.out.println(r.id() + " " + r.state()));
 * }
 * }</pre>
 *
 * <p>Nothing here returns or accepts {@code null}; absent values are {@link java.util.Optional}.
 * Times are {@link java.time.Instant}s, stored as epoch milliseconds.
 */
package io.threadwatch.analyzer.serve.store;
