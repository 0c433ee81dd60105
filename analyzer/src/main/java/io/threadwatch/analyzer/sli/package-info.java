/**
 * The SLI catalog: every SLI's name, unit, labels and meaning, in one place. The README's SLI
 * table and the rules' vocabulary repeat it; names and units are part of the public contract.
 *
 * <pre>{@code
 * Sample live = Sli.THREADS_LIVE.sample(42);
 * Sample rate = Sli.THREADS_START_RATE.sample(12.5, "site", "com.acme.Server.accept(Server.java:40)");
 * }</pre>
 */
package io.threadwatch.analyzer.sli;
