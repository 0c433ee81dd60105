package io.threadwatch.samples.busyvthreads;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Handles one {@code SEARCH <terms...>} request: single-term queries go to the index shard that
 * owns the term (a remote call of 20–50 ms, simulated with a sleep), multi-term queries are ranked
 * against the in-memory top-documents table (2–8 ms of CPU).
 */
final class SearchHandler {

    private static final int READ_TIMEOUT_MILLIS = 5_000;
    private static final int DOCUMENTS = 20_000;

    /** Popularity score per document id, computed once. */
    private final int[] popularity = new int[DOCUMENTS];

    SearchHandler() {
        for (int doc = 0; doc < DOCUMENTS; doc++) {
            popularity[doc] = (doc * 7_919) % 10_007;
        }
    }

    void handle(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
            client.setSoTimeout(READ_TIMEOUT_MILLIS);
            String line = in.readLine();
            if (line == null || !line.startsWith("SEARCH ")) {
                out.println("ERR expected: SEARCH <terms...>");
                return;
            }
            String[] terms = line.substring("SEARCH ".length()).trim().split(" +");
            out.println(terms.length == 1 ? queryShard(terms[0]) : rank(terms));
        } catch (IOException e) {
            // The client went away: there is nobody left to answer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the index shard that owns {@code term} (a remote call, simulated). */
    private String queryShard(String term) throws InterruptedException {
        Thread.sleep(ThreadLocalRandom.current().nextLong(20, 51));
        return "OK shard-" + Math.floorMod(term.hashCode(), 8) + " hits=" + Math.floorMod(term.hashCode(), 500);
    }

    /** Ranks the documents matching all terms by popularity (in memory, a few ms of CPU). */
    private String rank(String[] terms) {
        int rounds = 2 + Math.floorMod(Arrays.hashCode(terms), 7);
        long[] scores = new long[DOCUMENTS];
        for (int round = 0; round < rounds; round++) {
            for (String term : terms) {
                int h = term.hashCode();
                for (int doc = 0; doc < DOCUMENTS; doc++) {
                    scores[doc] += (popularity[doc] ^ (h + round * 31 + doc)) & 0xff;
                }
            }
            Arrays.sort(scores);
        }
        return "OK top=" + scores[DOCUMENTS - 1] + " terms=" + terms.length;
    }
}
