package io.threadwatch.samples.deadlock;

import io.threadwatch.samples.support.LoadDriver;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Load for {@link BankService}: 4 payroll clients paying employees from 4 company accounts
 * (about 40 transfers a second, always company to employee), and at 5 s two customers,
 * {@code cust-alice} and {@code cust-bob}, paying each other a large amount at the same moment.
 * Nothing else ever touches the two customer accounts.
 */
public final class BankLoad {

    private static final int PAYROLL_CLIENTS = 4;
    private static final long THINK_MILLIS = 100;
    private static final long CROSSED_PAYMENTS_AT_MILLIS = 5_000;

    private BankLoad() {
    }

    public static void main(String[] args) {
        LoadDriver driver = LoadDriver.fromArgs(args);
        for (int c = 0; c < PAYROLL_CLIENTS; c++) {
            int client = c;
            LoadDriver.startClient("payroll-" + c, () -> {
                for (long n = 0; ; n++) {
                    String from = "corp-" + (n % 4);
                    String to = "emp-" + (client * 50 + n % 50);
                    driver.http("POST", "/transfer?from=" + from + "&to=" + to + "&cents=" + (250_000 + n % 1_000), Duration.ofSeconds(2));
                    LoadDriver.pause(THINK_MILLIS);
                }
            });
        }
        CountDownLatch go = new CountDownLatch(1);
        for (String[] payment : new String[][] {{"cust-alice", "cust-bob"}, {"cust-bob", "cust-alice"}}) {
            LoadDriver.startClient("customer-" + payment[0], () -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                driver.http("POST", "/transfer?from=" + payment[0] + "&to=" + payment[1] + "&cents=2500000", Duration.ofSeconds(60));
            });
        }
        LoadDriver.pause(CROSSED_PAYMENTS_AT_MILLIS);
        go.countDown();
    }
}
