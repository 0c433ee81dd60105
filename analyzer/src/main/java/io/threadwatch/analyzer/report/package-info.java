/**
 * Report v1: the records one analysis's report holds, rendered from what the engine found
 * ({@code Rendering}, from {@code io.threadwatch.analyzer.result}), and the writers that turn them
 * into JSON (the contract, validated by {@code report-v1.schema.json}) and text (for people).
 *
 * <pre>{@code
 * Report report = Analyzer.analyze(files, options);
 * ReportFormat.JSON.write(report, System.out);
 * }</pre>
 *
 * <p>Times are ISO-8601 strings with millisecond precision, durations ISO-8601 durations, and
 * values rounded to 6 significant digits, so that one recording always gives the same bytes.
 * Nothing is {@code null} except {@code source.jvm.cores} when the recording does not say.
 */
package io.threadwatch.analyzer.report;
