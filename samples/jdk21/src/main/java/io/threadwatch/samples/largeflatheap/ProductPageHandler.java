package io.threadwatch.samples.largeflatheap;

import io.threadwatch.samples.support.LineServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Handles one {@code PRODUCT <id>} request: renders the product page from the catalog record and
 * its 100 nearest neighbours ("similar products"), all temporary data (a few MB per page).
 */
final class ProductPageHandler implements LineServer.Requests {

    private static final int SIMILAR = 100;

    private final Catalog catalog;

    ProductPageHandler(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String answer(String[] request) {
        byte[] page = render(Integer.parseInt(request[1]));
        CRC32 crc = new CRC32();
        crc.update(page);
        return "OK " + page.length + " " + Long.toHexString(crc.getValue());
    }

    private byte[] render(int id) {
        // Similar products: the neighbours sharing the most words with this product (temporary data).
        Set<String> words = new HashSet<>(Arrays.asList(new String(catalog.record(id), StandardCharsets.ISO_8859_1).trim().split(" +")));
        List<String> similar = new ArrayList<>(SIMILAR);
        for (int n = 1; n <= SIMILAR; n++) {
            String neighbour = new String(catalog.record(id + n * 37), StandardCharsets.ISO_8859_1);
            int shared = 0;
            for (String word : neighbour.trim().split(" +")) {
                if (words.contains(word)) {
                    shared++;
                }
            }
            similar.add(shared + " " + neighbour.substring(0, 1_000));
        }
        ByteArrayOutputStream html = new ByteArrayOutputStream(128 * 1024);
        html.writeBytes(("<h1>product " + id + "</h1><p>").getBytes(StandardCharsets.UTF_8));
        html.writeBytes(catalog.record(id));
        html.writeBytes("</p><ul>".getBytes(StandardCharsets.UTF_8));
        for (String neighbour : similar) {
            html.writeBytes(("<li>" + neighbour + "</li>").getBytes(StandardCharsets.UTF_8));
        }
        html.writeBytes("</ul>".getBytes(StandardCharsets.UTF_8));
        return html.toByteArray();
    }
}
