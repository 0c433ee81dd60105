/**
 * The engine: one state machine that turns the neutral events of a recording (or, later, a live
 * stream) into per-window SLIs, runs the rules on them, and assembles findings with evidence.
 *
 * <pre>{@code
 * AnalysisEngine engine = new AnalysisEngine(EngineSettings.defaults(start, Duration.ofSeconds(4), rules));
 * source.replay(engine);
 * EngineResult result = engine.finish(end);
 * }</pre>
 *
 * <p>State is split by concept: {@code ThreadLedger} (live threads and creation sites),
 * {@code BlockingStats} (HdrHistograms per kind and site), {@code GrowthTrend} (Commons Math
 * regressions per site), {@code DumpAnalysis} (stuck and deadlocked threads from thread dumps).
 * Each detector produces its own SLIs when a window closes ({@code SliProducer}: the thread
 * gauges, platform and virtual thread leaks, dumps, blocking, pinning, heap and GC); the engine
 * only collects them, in that order, and runs the rules on them. Each detector also shows its own
 * evidence when a finding is assembled ({@code EvidenceProducer}); {@code FindingAssembler} takes
 * each of the rules' evidence roles from exactly one of them. What comes out is typed data
 * ({@code io.threadwatch.analyzer.result}: instants, enums, values as measured); the engine does
 * not know how a report writes it.
 * Windows close on event time ({@code WindowClock}); nothing here reads the wall clock. Memory
 * grows with live threads, distinct stacks and sites, never with the number of events.
 *
 * <p>Not thread-safe: one engine is fed from one thread.
 */
package io.threadwatch.analyzer.engine;
