/**
 * What the Threadwatch java agent costs a service, next to the JDK's default recording and no
 * recording at all: a loopback HTTP service ({@link io.threadwatch.bench.overhead.LoopbackService})
 * under a closed-loop load ({@link io.threadwatch.bench.overhead.LoadGenerator}), each in its own
 * JVM. {@code bench/agent-overhead.sh} builds both, runs them in the three modes, interleaved, and
 * prints the table:
 *
 * <pre>
 * bench/agent-overhead.sh                                   # 5 iterations, 10 s warm-up, 20 s measured
 * ITERATIONS=9 JAVA_HOME=/path/to/jdk-25 bench/agent-overhead.sh
 * </pre>
 *
 * <p>Only the service runs under JFR or the agent. Throughput and p99 latency are what the
 * clients see; CPU time and heap allocation are the service process's own, per 1000 requests it
 * answered in the same measured phase, so the agent's threads (the event stream, the analysis)
 * count against it. Nothing here is null; times are nanoseconds unless a name says otherwise.
 */
package io.threadwatch.bench.overhead;
