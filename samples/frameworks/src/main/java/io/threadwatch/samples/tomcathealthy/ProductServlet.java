package io.threadwatch.samples.tomcathealthy;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;

/** Looks a product up by id and answers one line of text. */
final class ProductServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("id");
        String product = findProduct(id == null ? "0" : id);
        response.setContentType("text/plain");
        response.getWriter().println(product);
    }

    /** Stands in for a product query against the catalog database (20 to 60 ms). */
    private static String findProduct(String id) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(20, 61));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "product " + id + " price " + (199 + Math.floorMod(id.hashCode(), 5_000));
    }
}
