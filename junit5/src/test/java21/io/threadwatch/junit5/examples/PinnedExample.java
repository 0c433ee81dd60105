package io.threadwatch.junit5.examples;

import io.threadwatch.junit5.ThreadwatchGuard;
import org.junit.jupiter.api.Test;

/**
 * A virtual thread that blocks inside a class initializer: it stays pinned to its carrier on every
 * JDK from 21 on (JEP 491 unpinned {@code synchronized} in 24, not class initialization).
 */
@ThreadwatchGuard(pinnedMillis = 50)
@GuardExample
public class PinnedExample {

    @Test
    void pinsItsCarrierInAClassInitializer() throws Exception {
        Thread.ofVirtual().name("slow-init").start(SlowInit::touch).join();
    }

    static final class SlowInit {
        static {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        static void touch() {
            // initializing the class is the point
        }
    }
}
