package io.threadwatch.samples.tomcathealthy;

import io.threadwatch.samples.tomcat.TomcatService;

/**
 * Healthy control: a product-catalog service on embedded Tomcat ({@code GET /products?id=<n>},
 * a servlet that reads from a slow database, 20 to 60 ms), its connector on a named executor
 * ({@code catalog-exec-N}, see {@link TomcatService}). Requests come in bursts of 48 every 6 to
 * 8 s: the executor grows to about 12 threads and shrinks back to 4 in between, and Tomcat's
 * acceptor, poller and utility threads wait for work. Expected findings: none.
 */
public final class CatalogService {

    private CatalogService() {
    }

    public static void main(String[] args) throws Exception {
        TomcatService.run(args, "catalog", "/products", new ProductServlet(), CatalogLoad.class);
    }
}
