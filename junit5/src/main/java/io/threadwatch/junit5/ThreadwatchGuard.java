package io.threadwatch.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs each test of the class (or the one method) under Threadwatch's guard: after the test, it
 * fails when threads the test started are still running after the grace period ({@code thread-leak},
 * named by the application frame that created them), when such threads wait for something that is
 * not work ({@code blocked-forever}), or, if {@link #pinnedMillis()} is set, when a virtual thread
 * stayed pinned to its carrier longer than that (JDK 21+, {@code vthread-pinning}).
 *
 * <pre>{@code
 * @ThreadwatchGuard(allowThreads = "my-shared-scheduler-.*")
 * class OrderServiceTest { ... }
 * }</pre>
 *
 * <p>Each attribute left at its default takes the JUnit configuration parameter named in its
 * Javadoc (e.g. in {@code junit-platform.properties}); the allow-lists of both apply together.
 * A method's annotation replaces its class's.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(ThreadwatchGuardExtension.class)
public @interface ThreadwatchGuard {

    /** Whether to guard at all; {@code threadwatch.guard.enabled=false} turns every guard off. */
    boolean enabled() default true;

    /**
     * How long, in milliseconds, the test's threads may take to end after it; {@code -1} takes
     * {@code threadwatch.guard.grace-millis}, by default {@value GuardDefaults#GRACE_MILLIS}.
     */
    long graceMillis() default -1;

    /**
     * Thread names (regular expressions, matched whole) that may outlive the test; added to
     * {@code threadwatch.guard.allow-threads} (comma-separated).
     */
    String[] allowThreads() default {};

    /**
     * Creation frames (regular expressions, found in a frame printed as
     * {@code com.acme.Cache.<init>(Cache.java:42)}) whose threads may outlive the test: any frame of
     * the stack that started the thread may match. Added to {@code threadwatch.guard.allow-sites}.
     */
    String[] allowSites() default {};

    /**
     * Fail when a virtual thread stayed pinned longer than this many milliseconds during the test
     * (JDK 21+; {@code jdk.VirtualThreadPinned}); {@code -1} takes
     * {@code threadwatch.guard.pinned-millis}, by default off.
     */
    long pinnedMillis() default -1;
}
