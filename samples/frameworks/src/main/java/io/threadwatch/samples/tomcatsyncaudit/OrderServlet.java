package io.threadwatch.samples.tomcatsyncaudit;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Prices an order, records it in the audit service, then answers. */
final class OrderServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient AuditService audit;

    OrderServlet(AuditService audit) {
        this.audit = audit;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String customer = request.getParameter("customer");
        int items = Integer.parseInt(request.getParameter("items"));
        long totalCents = 0;
        for (int i = 0; i < items; i++) {
            totalCents += 299 + Math.floorMod((customer + i).hashCode(), 4_000);
        }
        long auditId = audit.record(customer, items, totalCents);
        response.setContentType("text/plain");
        response.getWriter().println("OK " + totalCents + " audit " + auditId);
    }
}
