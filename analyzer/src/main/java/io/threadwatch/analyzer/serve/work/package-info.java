/**
 * The analyses of {@code threadwatch serve}: a bounded pool ({@link io.threadwatch.analyzer.serve.work.AnalysisQueue})
 * that runs each analysis in a JVM of its own ({@link io.threadwatch.analyzer.serve.work.ChildAnalysis}), with
 * a heap and time budget, and stores the report and its findings.
 *
 * <pre>{@code
 * AnalysisQueue queue = new AnalysisQueue(store, dataDir, new ChildAnalysis(limits, List.of()), limits,
 *         Clock.systemUTC(), log);
 * queue.recover();          // what a crash left queued
 * if (queue.tryReserve()) {
 *     // receive and store the upload, then:
 *     queue.enqueueReserved(id);
 * }
 * }</pre>
 *
 * <p>Nothing here returns or accepts {@code null}.
 */
package io.threadwatch.analyzer.serve.work;
