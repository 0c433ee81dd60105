/**
 * The HTML form of a report: one self-contained page a person reads in a browser, offline.
 *
 * <pre>{@code
 * Report report = Analyzer.analyze(files, options);
 * try (Writer out = Files.newBufferedWriter(Path.of("report.html"))) {
 *     HtmlReportWriter.write(report, out, options.catalog());
 * }
 * }</pre>
 *
 * <p>The page holds the report v1 JSON (also offered as a download) and a small view of it that
 * only the engine can decide (which stack lines are application frames, thread-name families),
 * both as {@code <script type="application/json">} data escaped by Jackson. Its own script
 * ({@code page.js}, a resource next to {@code page.html} and {@code page.css}) builds the verdict,
 * the findings with collapsible evidence, the plots over the recording's time and the tables from
 * that data with DOM text nodes. The chart library, uPlot, comes from its WebJar and is inlined;
 * the agent jar leaves it out, so {@link io.threadwatch.analyzer.report.html.HtmlReportWriter#available()}
 * is false there.
 */
package io.threadwatch.analyzer.report.html;
