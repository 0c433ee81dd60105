package io.threadwatch.samples.kafkapoison;

/**
 * One record of the in-process "orders" topic.
 *
 * @param offset its position in the topic
 * @param key    the order id
 * @param value  {@code sku=<sku>;qty=<n>}
 */
record OrderRecord(long offset, String key, String value) {
}
