package io.threadwatch.analyzer.serve.http;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/**
 * What the service does with the body of a request it refuses (401, 403, 429, 503, ...) before
 * reading it. A server that answers and closes while the client is still sending makes the client's
 * next write fail with a broken pipe, and most clients (the JDK's {@code HttpClient} among them) then
 * report that and never show the answer. So what is left of the body, up to a bound, is read and
 * dropped, and the client gets the status and the reason: an upload refused after its first MB
 * (413) has little left. More than that is not worth the bandwidth, and a client that sends
 * {@code Expect: 100-continue} (curl does above 1 MB) never sends it at all.
 */
final class RefusedBody {

    /** At most this much of a refused body is read and dropped; a small recording's upload is about 100 KB. */
    static final long DRAIN_LIMIT = 1L << 20;

    private RefusedBody() {
    }

    /**
     * Reads and drops what is left of the body, up to {@link #DRAIN_LIMIT} bytes; {@code true} when
     * nothing is left unread, so the connection can serve the client's next request.
     */
    static boolean drain(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        boolean chunked = "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (length <= 0 && !chunked) {
            return true;
        }
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            // Reading would ask a client that waits for "100 Continue" to send a body nobody wants.
            return false;
        }
        try {
            InputStream body = request.getInputStream();
            byte[] buffer = new byte[16 * 1024];
            long left = DRAIN_LIMIT;
            int read = 0;
            while (left > 0 && (read = body.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                left -= read;
            }
            return read < 0 || body.read() < 0;
        } catch (IOException | IllegalStateException e) {
            // The client went away, or the body was already taken as a reader: nothing more to read here.
            return false;
        }
    }
}
