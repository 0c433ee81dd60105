package io.threadwatch.samples.unboundedcache;

import io.threadwatch.samples.support.LoadDriver;

/** Load for {@link ExportService}: 50 exports a second at a steady pace, each with the current time as {@code asOf}. */
public final class ExportLoad {

    private static final long REQUEST_EVERY_MILLIS = 20;
    private static final String[] REPORTS = {"statement", "ledger", "tax-summary", "card-activity", "fx-positions"};

    private ExportLoad() {
    }

    public static void main(String[] args) {
        LoadDriver.fromArgs(args).startPaced(REQUEST_EVERY_MILLIS, n ->
                "EXPORT cust-" + (n % 40) + " " + REPORTS[(int) (n % REPORTS.length)] + " " + System.currentTimeMillis());
    }
}
