/**
 * {@code threadwatch serve}: a small web service that takes uploaded recordings, analyzes each in a
 * bounded pool of child JVMs and serves the reports, the findings and the fleet view.
 *
 * <pre>{@code
 * ServeSettings settings = new ServeSettings("127.0.0.1", 8080, Path.of("data"), Optional.empty(),
 *         Optional.empty(), ServeLimits.DEFAULT, List.of(), Clock.systemUTC());
 * try (ThreadwatchServer server = ThreadwatchServer.start(settings, new PrintWriter(System.err, true))) {
 *     server.awaitStop();
 * }
 * }</pre>
 *
 * <p>Subpackages, one concept each: {@code store} (files and database), {@code work} (the analysis
 * pool), {@code fleet} (queries across recordings), {@code http} (routes and pages). None of this is
 * in the agent jar. Nothing here returns or accepts {@code null}.
 */
package io.threadwatch.analyzer.serve;
