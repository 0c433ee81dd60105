/**
 * Threadwatch's JUnit 5 guard: a test that leaves threads behind fails with the site that made them.
 *
 * <pre>{@code
 * @ThreadwatchGuard
 * class ReloaderTest {
 *     @Test
 *     void reloads() {
 *         new Reloader().reload();   // starts a ScheduledExecutorService and never shuts it down
 *     }
 * }
 * }</pre>
 *
 * fails {@code reloads()} with
 *
 * <pre>
 * Threadwatch guard: 1 finding after ReloaderTest.reloads()
 * thread-leak at com.acme.Reloader.reload(Reloader.java:42)
 *   1 thread this test started is still running 1.5 s after it ended: pool-1-thread-1
 *   created by:
 *     java.lang.Thread.start(Thread.java:-1) ...
 * </pre>
 *
 * <p>All of this JVM's tests share one JFR {@code RecordingStream}, started by the first guarded
 * test and closed when the test run ends. A thread is the test's when the test's thread, or a
 * thread the test started, started it ({@code jdk.ThreadStart}'s parent thread), so the JVM's and
 * the build tool's threads, and every thread that existed before the test, are never the test's.
 * The common pool's workers idle in the pool are never a leak. Nothing here is null.
 */
package io.threadwatch.junit5;
