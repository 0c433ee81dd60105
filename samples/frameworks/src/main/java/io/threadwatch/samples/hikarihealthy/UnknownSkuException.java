package io.threadwatch.samples.hikarihealthy;

/** An order names a SKU the catalog does not have. */
final class UnknownSkuException extends Exception {

    private static final long serialVersionUID = 1L;

    UnknownSkuException(String sku) {
        super("unknown SKU " + sku);
    }
}
