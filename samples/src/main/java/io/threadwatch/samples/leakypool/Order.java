package io.threadwatch.samples.leakypool;

/** An order line as received: {@code ORDER <id> <sku> <quantity>}. */
record Order(long id, String sku, int quantity) {

    /** Parses a request line, or returns null when it is not a valid order. */
    static Order parse(String line) {
        if (line == null) {
            return null;
        }
        String[] parts = line.trim().split("\\s+");
        if (parts.length != 4 || !"ORDER".equals(parts[0]) || !parts[2].startsWith("sku-")) {
            return null;
        }
        try {
            long id = Long.parseLong(parts[1]);
            int quantity = Integer.parseInt(parts[3]);
            return quantity > 0 ? new Order(id, parts[2], quantity) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
