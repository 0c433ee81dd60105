package io.threadwatch.samples.kafka;

/**
 * One record of the in-process "orders" topic.
 *
 * @param offset its position in the topic
 * @param key    the order id
 * @param value  {@code sku=<sku>;qty=<n>}
 */
public record OrderRecord(long offset, String key, String value) {
}
