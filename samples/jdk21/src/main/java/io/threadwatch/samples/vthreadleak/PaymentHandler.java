package io.threadwatch.samples.vthreadleak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Handles one {@code PAY <account> <cents> <currency>} request on its own virtual thread.
 *
 * <p><b>Bug:</b> after acknowledging the payment, {@link #handle} waits for the clearing
 * confirmation with {@code mailbox.take()} and no timeout. Payments that are never confirmed
 * (all non-euro ones, see {@link ClearingHouse}) leave their virtual thread parked forever; with
 * virtual threads nothing runs out, so the leak only shows as an ever-growing number of live
 * virtual threads. <b>Fix:</b> {@code mailbox.poll(30, SECONDS)}, and on a timeout hand the
 * payment to the reconciliation job instead of waiting on a thread.
 */
final class PaymentHandler {

    private static final int READ_TIMEOUT_MILLIS = 5_000;
    /** CPU time of the fraud score, per payment. */
    private static final long FRAUD_SCORE_NANOS = TimeUnit.MILLISECONDS.toNanos(15);
    /** The ledger's write latency. */
    private static final long LEDGER_WRITE_MILLIS = 30;

    private final ClearingHouse clearing;
    private final AtomicLong nextPaymentId = new AtomicLong();

    PaymentHandler(ClearingHouse clearing) {
        this.clearing = clearing;
    }

    void handle(Socket client) {
        long paymentId = nextPaymentId.incrementAndGet();
        BlockingQueue<ClearingHouse.Confirmation> mailbox;
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
            client.setSoTimeout(READ_TIMEOUT_MILLIS);
            String[] request = String.valueOf(in.readLine()).split(" ");
            if (request.length != 4 || !"PAY".equals(request[0])) {
                out.println("ERR expected: PAY <account> <cents> <currency>");
                return;
            }

            // Fraud score: a few thousand rounds of mixing over the payment's fields (CPU only).
            long score = request[1].hashCode() * 31L + Long.parseLong(request[2]);
            long deadline = System.nanoTime() + FRAUD_SCORE_NANOS;
            while (System.nanoTime() < deadline) {
                for (int round = 0; round < 1_000; round++) {
                    score ^= score << 13;
                    score ^= score >>> 7;
                    score ^= score << 17;
                }
            }

            // Write the payment to the ledger (a remote call, simulated).
            Thread.sleep(LEDGER_WRITE_MILLIS);
            mailbox = clearing.mailbox(paymentId);
            clearing.submit(paymentId, request[3]);
            out.println("ACCEPTED " + paymentId + " risk=" + Math.floorMod(score, 100));
        } catch (IOException e) {
            return; // the client went away: the payment was not taken
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }

        // Wait for the clearing confirmation, then mark the payment settled.
        try {
            ClearingHouse.Confirmation confirmation = mailbox.take(); // the bug: no timeout
            settled(confirmation);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void settled(ClearingHouse.Confirmation confirmation) {
        // Marking the payment settled in the ledger is not part of this sample.
    }
}
