package io.threadwatch.samples.vthreadpinning.rules;

import io.threadwatch.samples.vthreadpinning.PriceRule;
import io.threadwatch.samples.vthreadpinning.RuleRepository;
import java.util.Map;

/**
 * The discount rule, as deployed by the rule editor: loaded by
 * {@code RulesLoader} in a class loader of its own, never through the application class loader.
 *
 * <p>Its static initializer fetches the rule set from the remote repository: blocking I/O under
 * a {@code <clinit>} frame, which pins a virtual thread to its carrier.
 */
public final class DiscountRules implements PriceRule {

    private static final Map<String, Integer> PERCENT_BY_TIER = RuleRepository.fetch("discounts");

    @Override
    public long discountedCents(long cents, String tier) {
        return cents * (100 - PERCENT_BY_TIER.getOrDefault(tier, 0)) / 100;
    }
}
