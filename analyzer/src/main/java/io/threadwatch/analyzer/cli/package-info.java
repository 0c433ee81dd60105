/**
 * The {@code threadwatch} command line: a thin picocli shell over the analyzer. Each subcommand
 * parses its options, calls the analyzer and maps the outcome to a documented exit code
 * ({@link io.threadwatch.analyzer.cli.ExitCodes}).
 *
 * <pre>
 * java -jar threadwatch.jar analyze app.jfr --format text --fail-on critical
 * </pre>
 */
package io.threadwatch.analyzer.cli;
