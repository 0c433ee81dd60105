package io.threadwatch.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A worker's watch on its service: it ends the worker when, and only when, the service's process is gone. */
class ParentWatchTest {

    /** Stands for the service: a JVM that lives until its standard input closes. */
    public static final class UntilStdinCloses {
        public static void main(String[] args) throws Exception {
            while (System.in.read() != -1) {
                // Nothing to do but wait for the end of the input.
            }
        }
    }

    @Test
    void theWorkerExitsOnceItsParentProcessIsGone() throws Exception {
        Process parent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), UntilStdinCloses.class.getName()).start();
        CountDownLatch exited = new CountDownLatch(1);
        Thread watch = ParentWatch.exitWhenGone(Optional.of(parent.toHandle()), Duration.ofMillis(10), exited::countDown)
                .orElseThrow();

        // Checked many times over while the parent lives: no exit.
        watch.join(300);
        assertThat(parent.isAlive()).isTrue();
        assertThat(exited.getCount()).isEqualTo(1);

        parent.getOutputStream().close();
        assertThat(parent.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(exited.await(60, TimeUnit.SECONDS)).isTrue();
        watch.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(watch.isAlive()).isFalse();
    }

    @Test
    void withoutAParentThereIsNothingToWatch() {
        assertThat(ParentWatch.exitWhenGone(Optional.empty(), Duration.ofMillis(10), () -> {
            throw new AssertionError("must not run");
        })).isEmpty();
    }
}
