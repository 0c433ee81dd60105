package io.threadwatch.samples.deadlock;

/** Stands in for a call to a remote fraud-scoring service (about 300 ms). */
final class FraudCheck {

    private static final long REVIEW_MILLIS = 300;

    void review(Account from, Account to, long cents) {
        try {
            Thread.sleep(REVIEW_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
