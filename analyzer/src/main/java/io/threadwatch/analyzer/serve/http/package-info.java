/**
 * The HTTP side of {@code threadwatch serve}, on Javalin: {@link io.threadwatch.analyzer.serve.http.ServeApi}
 * (uploads, status, reports, findings, fleet, export, delete, re-analysis) and the pages people use.
 *
 * <pre>{@code
 * Javalin app = Javalin.create(config -> api.configure(config, limits.maxUploadBytes()));
 * app.start("127.0.0.1", 8080);
 * }</pre>
 *
 * <p>Refusals are {@code ApiError}s, answered as {@code {"status": 413, "error": "..."}}. Client file
 * names are shown, never used as paths. Nothing here returns or accepts {@code null}.
 */
package io.threadwatch.analyzer.serve.http;
