package io.threadwatch.samples.hikari;

/** An order names a SKU the catalog does not have. */
public final class UnknownSkuException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnknownSkuException(String sku) {
        super("unknown SKU " + sku);
    }
}
