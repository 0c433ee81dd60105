package io.threadwatch.samples.jettyhealthy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Answers a product page with its price, asked from the pricing backend through the shared client. */
final class ProductHandler extends Handler.Abstract {

    private final HttpClient pricingClient;
    private final URI pricing;

    ProductHandler(HttpClient pricingClient, URI pricing) {
        this.pricingClient = pricingClient;
        this.pricing = pricing;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String id = Request.extractQueryParameters(request).getValue("id");
        ContentResponse price = pricingClient.newRequest(pricing.resolve("/price?id=" + id))
                .timeout(2, TimeUnit.SECONDS)
                .send();
        response.write(true, StandardCharsets.UTF_8.encode("product " + id + " price " + price.getContentAsString() + "\n"), callback);
        return true;
    }
}
