/**
 * The rule language: rules are data that compare SLI samples with thresholds, window by window.
 *
 * <p>A {@link io.threadwatch.rules.Rule} names one or more {@link io.threadwatch.rules.Condition}s
 * over SLIs (a name, a label filter, a {@link io.threadwatch.rules.Comparison} and a threshold),
 * how many consecutive windows they must hold to fire ({@code for}) and then not hold to clear
 * ({@code clear-after}: one firing spans the windows in between), a {@link io.threadwatch.rules.Severity}, a
 * {@link io.threadwatch.rules.FindingKind} and the {@link io.threadwatch.rules.EvidenceRole}s to
 * attach. The first condition is the primary one: each of its matching samples is a candidate
 * (one per label set, e.g. one per site), and the other conditions must hold for a sample of
 * their SLI whose shared labels agree with it. Rules are loaded from the built-in pack and from
 * user files by {@link io.threadwatch.rules.RuleLoader}, and run by one
 * {@link io.threadwatch.rules.RuleEvaluator}:
 *
 * <pre>{@code
 * RuleSet rules = RuleLoader.forSlis(Set.of("threads.leak.rate", "threads.live"))
 *         .load(RuleSet.builtIn(), Path.of("my-rules.yaml"));
 * RuleEvaluator evaluator = new RuleEvaluator(rules);
 * for (each window) {
 *     List<Transition> changes = evaluator.evaluate(new Window(start, end), samples);
 * }
 * List<Firing> fired = evaluator.firings();
 * }</pre>
 *
 * <p>This package knows nothing about JFR: SLIs are plain {@link io.threadwatch.rules.Sample}s.
 *
 * <p>Null handling: no method accepts or returns {@code null}, except where its Javadoc says so.
 * Times are {@link java.time.Instant}s.
 */
package io.threadwatch.rules;
