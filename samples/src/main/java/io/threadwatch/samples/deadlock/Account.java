package io.threadwatch.samples.deadlock;

/** An account; its monitor guards its balance. */
final class Account {

    private final String id;
    private long balanceCents;

    Account(String id, long balanceCents) {
        this.id = id;
        this.balanceCents = balanceCents;
    }

    String id() {
        return id;
    }

    /** Caller holds this account's monitor. */
    void debit(long cents) {
        balanceCents -= cents;
    }

    /** Caller holds this account's monitor. */
    void credit(long cents) {
        balanceCents += cents;
    }
}
