/**
 * Patterns: which known shape of a problem a finding shows, and its one-line fix, decided from the
 * evidence the finding already carries (the creation stack, the stacks where its threads wait, the
 * lock, the state, the timeout) against the catalog's {@link io.threadwatch.rules.ProblemPattern}s.
 * Nothing here is {@code null} unless a method says so.
 */
package io.threadwatch.analyzer.pattern;
