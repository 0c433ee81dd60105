package io.threadwatch.analyzer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of Threadwatch, from the build. */
public final class Version {

    private static final String RESOURCE = "/io/threadwatch/analyzer/threadwatch.properties";

    private Version() {
    }

    /** The version, e.g. {@code 0.1.0}, as the build wrote it. */
    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE + " on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
