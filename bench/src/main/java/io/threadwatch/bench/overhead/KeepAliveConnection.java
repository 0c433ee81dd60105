package io.threadwatch.bench.overhead;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One kept-alive HTTP/1.1 connection to the loopback service, sending {@code GET}s one at a time.
 *
 * <p>Why not {@code java.net.http.HttpClient}: on the 2-core machine the benchmark was written
 * on, the JDK client spent about twice the service's CPU per request (its selector thread and
 * futures), so the load generator, not the service, took most of the cores, and the cost of
 * recording hid behind it. This reads only what {@code com.sun.net.httpserver} sends for a
 * fixed-length answer: a status line, headers with {@code Content-length}, the body. Anything
 * else is an {@link IOException}, so a surprise fails the run rather than skewing it.
 */
final class KeepAliveConnection implements Closeable {

    private static final int READ_TIMEOUT_MILLIS = 10_000;
    private static final int MAX_HEADER_LINE = 8_192;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] scratch = new byte[8_192];
    private final StringBuilder line = new StringBuilder(128);

    KeepAliveConnection(int port) throws IOException {
        socket = new Socket();
        // Nagle's algorithm with the peer's delayed ACK would add 40 ms to a request that leaves in two writes.
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), READ_TIMEOUT_MILLIS);
        in = new BufferedInputStream(socket.getInputStream(), 16_384);
        out = new BufferedOutputStream(socket.getOutputStream(), 1_024);
    }

    /** The bytes of a {@code GET} for a path with its query, built once and sent many times. */
    static byte[] get(String pathAndQuery) {
        return ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Sends a request from {@link #get} and reads the whole answer.
     *
     * @param body receives the answer's body, or {@code null} to discard it
     * @return the status code
     */
    int send(byte[] request, OutputStream body) throws IOException {
        out.write(request);
        out.flush();
        String status = readLine();
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: '" + status + "'");
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(header.substring("content-length:".length()).trim());
            }
        }
        if (length < 0) {
            throw new IOException("answer without Content-length (status " + code + ")");
        }
        while (length > 0) {
            int read = in.read(scratch, 0, (int) Math.min(scratch.length, length));
            if (read < 0) {
                throw new IOException("connection closed inside a body");
            }
            if (body != null) {
                body.write(scratch, 0, read);
            }
            length -= read;
        }
        return code;
    }

    private String readLine() throws IOException {
        line.setLength(0);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed by the service");
            }
            if (c != '\r') {
                line.append((char) c);
            }
            if (line.length() > MAX_HEADER_LINE) {
                throw new IOException("header line over " + MAX_HEADER_LINE + " bytes");
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
