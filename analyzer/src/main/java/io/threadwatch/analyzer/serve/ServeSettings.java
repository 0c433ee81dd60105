package io.threadwatch.analyzer.serve;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run {@code threadwatch serve}.
 *
 * @param bind         the address to listen on ({@code 127.0.0.1} unless told otherwise)
 * @param port         the port; 0 for any free one
 * @param dataDir      where uploads, reports and the embedded database live
 * @param database     a JDBC URL, user and password, or empty for embedded H2 in {@code dataDir}
 * @param token        the bearer token uploads, deletes and re-analyses need, or empty for none
 * @param limits       sizes, counts, budgets and retention
 * @param analysisArgs extra arguments for each analysis ({@code --rules FILE}, {@code --catalog FILE}, ...)
 * @param clock        the wall clock (upload times, retention); tests move it
 */
public record ServeSettings(String bind, int port, Path dataDir, Optional<Jdbc> database, Optional<String> token,
                            ServeLimits limits, List<String> analysisArgs, Clock clock) {

    public ServeSettings {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(clock, "clock");
        analysisArgs = List.copyOf(analysisArgs);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, not " + port);
        }
        token.ifPresent(t -> {
            if (t.isBlank()) {
                throw new IllegalArgumentException("the token is empty");
            }
        });
    }

    /**
     * @param url      e.g. {@code jdbc:postgresql://db:5432/threadwatch}
     * @param user     the database user
     * @param password the password (from an environment variable, never a flag)
     */
    public record Jdbc(String url, String user, String password) {
        @Override
        public String toString() {
            return "Jdbc[" + url + ", " + user + "]";
        }
    }
}
