package io.threadwatch.samples.vthreadpinning;

/**
 * A pricing rule. Public, like everything a rule class uses: rule classes are defined by their own
 * class loader, so they are in a different runtime package from this one.
 */
public interface PriceRule {

    long discountedCents(long cents, String tier);
}
