package io.threadwatch.samples.deadlock;

import com.sun.net.httpserver.HttpServer;
import io.threadwatch.samples.support.LoadGenerator;
import io.threadwatch.samples.support.NamedThreadFactory;
import io.threadwatch.samples.support.SampleRun;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A bank service: {@code POST /transfer?from=<account>&to=<account>&cents=<n>} on 8 teller
 * threads.
 *
 * <p><b>Problem:</b> {@link Bank#transfer} locks the source account, then the target account.
 * Payroll traffic always goes from company to employee accounts, so the lock order never
 * inverts. About 5 s in, two customers send each other a large payment at the same moment:
 * each teller holds its source account through the slow fraud check and then waits for the
 * other's (a deadlock in {@code Bank.transfer}). No later request touches those two accounts,
 * so exactly two threads are blocked.
 */
public final class BankService {

    private static final int TELLERS = 8;

    private BankService() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Duration duration = SampleRun.duration(args);
        ThreadPoolExecutor tellers = new ThreadPoolExecutor(TELLERS, TELLERS, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), new NamedThreadFactory("teller"));
        tellers.prestartAllCoreThreads();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        http.setExecutor(tellers);
        http.createContext("/transfer", new TransferHandler(new Bank()));
        http.start();

        LoadGenerator load = LoadGenerator.start(BankLoad.class, http.getAddress().getPort(), duration);
        SampleRun.runThenExit(duration, load);
    }
}
