package io.threadwatch.junit5.examples;

import io.threadwatch.junit5.ThreadwatchGuard;
import org.junit.jupiter.api.Test;

/** The same pinned wait as {@link PinnedExample}, without the opt-in: pinning is not judged. */
@ThreadwatchGuard
@GuardExample
public class UnjudgedPinnedExample {

    @Test
    void pinsItsCarrierInAClassInitializer() throws Exception {
        Thread.ofVirtual().start(SlowInit::touch).join();
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
