package io.threadwatch.bench.overhead;

import java.math.BigDecimal;
import java.util.List;

/** The body of a {@code /quote} answer. */
record Quote(int item, int quantity, int inStock, long views, List<Line> lines, BigDecimal total) {

    record Line(String sku, String description, BigDecimal price) {
    }
}
