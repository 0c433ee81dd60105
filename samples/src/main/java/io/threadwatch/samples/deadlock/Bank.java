package io.threadwatch.samples.deadlock;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The accounts and the transfers between them.
 *
 * <p><b>Bug:</b> {@link #transfer} takes the two account monitors in argument order (source
 * first). Two transfers in opposite directions between the same accounts can each hold one
 * monitor and wait for the other forever; the slow fraud check held under the first monitor
 * makes that window wide. <b>Fix:</b> always lock the two accounts in one global order (for
 * example by account id), and do the fraud check before taking any lock.
 */
final class Bank {

    /** Transfers of at least this much go through the fraud check. */
    static final long LARGE_TRANSFER_CENTS = 1_000_000;

    private final ConcurrentHashMap<String, Account> accounts = new ConcurrentHashMap<>();
    private final FraudCheck fraudCheck = new FraudCheck();

    Account account(String id) {
        return accounts.computeIfAbsent(id, key -> new Account(key, 10_000_000));
    }

    void transfer(Account from, Account to, long cents) {
        synchronized (from) {
            if (cents >= LARGE_TRANSFER_CENTS) {
                fraudCheck.review(from, to, cents); // slow, while holding the source account
            }
            synchronized (to) { // the bug: the lock order depends on the transfer's direction
                from.debit(cents);
                to.credit(cents);
            }
        }
    }
}
