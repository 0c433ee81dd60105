package io.threadwatch.samples.jetty;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Product pages ({@code /products}) get their price through the shared client; stock pages
 * ({@code /stock}) ask the partner's stock API through {@link #fetchPartnerStock}, each variant's
 * own.
 */
public abstract class StorefrontHandler extends Handler.Abstract {

    private final HttpClient pricingClient;
    protected final URI backend;

    protected StorefrontHandler(HttpClient pricingClient, URI backend) {
        this.pricingClient = pricingClient;
        this.backend = backend;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String id = Request.extractQueryParameters(request).getValue("id");
        String answer = request.getHttpURI().getPath().startsWith("/stock")
                ? "stock " + id + " " + fetchPartnerStock(id)
                : "product " + id + " price " + pricingClient.newRequest(backend.resolve("/price?id=" + id))
                        .timeout(2, TimeUnit.SECONDS).send().getContentAsString();
        response.write(true, StandardCharsets.UTF_8.encode(answer + "\n"), callback);
        return true;
    }

    /** The partner's stock level for product {@code id}. */
    protected abstract String fetchPartnerStock(String id) throws Exception;
}
