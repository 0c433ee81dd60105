package io.threadwatch.samples.httpclientleak;

import io.threadwatch.samples.httpclient.StockSource;
import java.io.IOException;
import java.net.URI;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Reads stock levels from the warehouse through the shared client.
 *
 * <p><b>Bug:</b> {@link #fetch} uses the classic {@code execute(request)}, which hands back a
 * response whose connection stays leased until its body is read to the end or the response is
 * closed; the early return for a non-200 answer does neither. Each unknown SKU (a 404 with a
 * body) keeps one of the route's 4 connections for good; after four of them the pool is dry and
 * every request thread waits in the pool's lease for the default connection request timeout of
 * 3 minutes, longer than the whole recording. <b>Fix:</b> the response-handler form
 * {@code execute(request, handler)}, or try-with-resources on the response (and
 * {@code EntityUtils.consume} on error paths); a shorter {@code connectionRequestTimeout}.
 */
final class StockClient implements StockSource {

    private final CloseableHttpClient http;
    private final URI warehouse;

    StockClient(CloseableHttpClient http, URI warehouse) {
        this.http = http;
        this.warehouse = warehouse;
    }

    // execute(ClassicHttpRequest) is deprecated since HttpClient 5.2 in favour of the handler form:
    // exactly the old-style call that leaks here.
    @SuppressWarnings("deprecation")
    @Override
    public String fetch(String sku) throws IOException {
        ClassicHttpResponse response = http.execute(new HttpGet(warehouse.resolve("/levels/" + sku)));
        if (response.getCode() != 200) {
            return "unknown"; // the bug: neither consumed nor closed, the connection stays leased
        }
        try {
            return EntityUtils.toString(response.getEntity());
        } catch (ParseException e) {
            throw new IOException(e);
        } finally {
            response.close();
        }
    }
}
