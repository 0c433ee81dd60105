package io.threadwatch.analyzer.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The files a page is made of, read from the class path: the page's own template, CSS and JS, and
 * the chart library (uPlot) from its WebJar. Everything is inlined, so the page needs no network.
 */
final class PageAssets {

    private static final String OWN = "/io/threadwatch/analyzer/report/html/";
    private static final String LIBRARY_VERSION = OWN + "chart-library.properties";

    private PageAssets() {
    }

    /** Whether this build holds the chart library: the agent jar leaves it out. */
    static boolean available() {
        try {
            return PageAssets.class.getResource(uplotRoot() + "uPlot.iife.min.js") != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** One of the page's own files: {@code page.html}, {@code page.css} or {@code page.js}. */
    static String own(String name) throws IOException {
        return read(OWN + name);
    }

    static String uplotJs() throws IOException {
        return read(uplotRoot() + "uPlot.iife.min.js");
    }

    static String uplotCss() throws IOException {
        return read(uplotRoot() + "uPlot.min.css");
    }

    /** uPlot's MIT license, which must travel with its code. */
    static String uplotLicense() throws IOException {
        return read(uplotRoot().replace("dist/", "") + "LICENSE");
    }

    private static String uplotRoot() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PageAssets.class.getResourceAsStream(LIBRARY_VERSION)) {
            if (in == null) {
                throw new IOException("missing " + LIBRARY_VERSION + " on the class path");
            }
            properties.load(in);
        }
        return "/META-INF/resources/webjars/uplot/" + properties.getProperty("uplot.version") + "/dist/";
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = PageAssets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the html format is not in this build (missing " + resource
                        + "; the agent jar leaves the chart library out): analyze with threadwatch.jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
