package io.threadwatch.samples.vthreadpinning;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Stands in for the remote repository the pricing rules are maintained in. */
public final class RuleRepository {

    private RuleRepository() {
    }

    /**
     * Fetches a rule set: discount percent by customer tier. A remote call of 25 to 45 ms
     * (simulated): called from a class initializer on a virtual thread, it pins the carrier.
     */
    public static Map<String, Integer> fetch(String ruleSet) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(25, 46));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching rule set " + ruleSet, e);
        }
        return Map.of("bronze", 0, "silver", 5, "gold", 10, "platinum", 15);
    }
}
