package io.threadwatch.samples.unboundedcache;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a report as CSV: loads the customer's transactions (a few MB of short-lived rows,
 * standing for a database query), aggregates them by day and writes one line per day and
 * account. Reports are 10 to 100 KB, depending on the report.
 */
final class ReportRenderer {

    /** Transactions a query returns; each render allocates and drops them (about 2.5 MB). */
    private static final int TRANSACTIONS = 80_000;

    private record Transaction(int account, int day, long cents) {
    }

    byte[] render(String customer, String report, long asOf) {
        List<Transaction> transactions = query(customer, asOf);
        long[][] totals = new long[64][366];
        for (Transaction t : transactions) {
            totals[t.account() % 64][t.day() % 366] += t.cents();
        }
        int targetBytes = 10_000 + Math.floorMod((customer + report).hashCode() * 31 + (int) asOf, 90_000);
        ByteArrayOutputStream csv = new ByteArrayOutputStream(16 * 1024);
        LocalDate day = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(asOf), ZoneOffset.UTC);
        for (int row = 0; csv.size() < targetBytes; row++) {
            String line = customer + ';' + report + ';' + day.minusDays(row % 366) + ";acct-" + (row % 64) + ';'
                    + totals[row % 64][row % 366] + '\n';
            csv.writeBytes(line.getBytes(StandardCharsets.UTF_8));
        }
        return csv.toByteArray(); // the rendered report: this is what the cache keeps
    }

    private static List<Transaction> query(String customer, long asOf) {
        List<Transaction> rows = new ArrayList<>(TRANSACTIONS);
        long seed = customer.hashCode() ^ asOf;
        for (int i = 0; i < TRANSACTIONS; i++) {
            seed = seed * 6_364_136_223_846_793_005L + 1_442_695_040_888_963_407L;
            rows.add(new Transaction((int) (seed >>> 58), (int) ((seed >>> 40) & 0x1ff), (seed >>> 20) & 0xfffff));
        }
        return rows;
    }
}
