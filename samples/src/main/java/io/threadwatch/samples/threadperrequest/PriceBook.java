package io.threadwatch.samples.threadperrequest;

/** Prices {@code PRICE <sku> <quantity>} requests from a made-up list price with volume discounts. */
final class PriceBook {

    String quote(String request) {
        String[] parts = request.trim().split("\\s+");
        if (parts.length != 3 || !"PRICE".equals(parts[0])) {
            return "ERR expected: PRICE <sku> <quantity>";
        }
        int quantity;
        try {
            quantity = Integer.parseInt(parts[2]);
        } catch (NumberFormatException e) {
            return "ERR bad quantity: " + parts[2];
        }
        long listCents = 500 + Math.floorMod(parts[1].hashCode(), 9_500);
        double discount = quantity >= 100 ? 0.15 : quantity >= 10 ? 0.05 : 0.0;
        long totalCents = Math.round(listCents * quantity * (1.0 - discount));
        return "OK " + parts[1] + " " + quantity + " " + totalCents;
    }
}
