package io.threadwatch.samples.httpclienthealthy;

import io.threadwatch.samples.httpclient.StockSource;
import java.io.IOException;
import java.net.URI;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/** Reads stock levels from the warehouse through the shared client; every response goes through a handler. */
final class StockClient implements StockSource {

    private final CloseableHttpClient http;
    private final URI warehouse;

    StockClient(CloseableHttpClient http, URI warehouse) {
        this.http = http;
        this.warehouse = warehouse;
    }

    @Override
    public String fetch(String sku) throws IOException {
        // The response handler form consumes the entity and releases the connection on every path.
        return http.execute(new HttpGet(warehouse.resolve("/levels/" + sku)), response -> {
            if (response.getCode() != 200) {
                EntityUtils.consume(response.getEntity());
                return "unknown";
            }
            return EntityUtils.toString(response.getEntity());
        });
    }
}
