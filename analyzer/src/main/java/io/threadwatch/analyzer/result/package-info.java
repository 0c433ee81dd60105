/**
 * What an analysis found, as data: findings with their evidence, each window's SLI samples, what
 * the recording could not show (limitations) and why threads it saw were not reported
 * (explanations). The engine produces these, live and offline; {@code report} renders them (times
 * as ISO-8601 text, values rounded, severities as their ids) into report v1 and the live lines.
 *
 * <p>{@link io.threadwatch.analyzer.result.Values} is how numbers, sizes and times read in the
 * text of a finding (its message, an evidence's detail) and in the report.
 */
package io.threadwatch.analyzer.result;
