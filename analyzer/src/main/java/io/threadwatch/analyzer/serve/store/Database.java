package io.threadwatch.analyzer.serve.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.flywaydb.core.Flyway;

/**
 * The metadata database: embedded H2 in the data directory by default, or any JDBC URL (a shared
 * PostgreSQL) whose driver is on the class path. Its schema is Flyway's migrations under
 * {@code io/threadwatch/analyzer/serve/store/migration}, in plain SQL that both take.
 */
public final class Database implements AutoCloseable {

    private static final String MIGRATIONS = "classpath:io/threadwatch/analyzer/serve/store/migration";

    private final String url;
    private final String user;
    private final String password;

    private Database(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The embedded H2 database at {@code dataDir.database()}. */
    public static String embeddedUrl(DataDir dataDir) {
        // DB_CLOSE_DELAY=-1 keeps it open between connections; close() shuts it down. WRITE_DELAY=0
        // has each commit write the file: H2 otherwise keeps commits in memory for up to half a second.
        // Even so a commit can skip its write when another thread is writing (bench/serve-load.sh lost
        // 1 row in ~130 answered 202 just before a SIGKILL), so no promise rests on it: each upload's
        // synced sidecar is the record, and the start rebuilds lost rows from it (Reconciler).
        return "jdbc:h2:file:" + dataDir.database() + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0";
    }

    /** Connects and brings the schema up to date. */
    public static Database open(String url, String user, String password) throws SQLException {
        Database database = new Database(Objects.requireNonNull(url), user, password);
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(url, user, password)
                    .locations(MIGRATIONS)
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new SQLException("cannot migrate the database at " + url + ": " + e.getMessage(), e);
        }
        return database;
    }

    /** A new connection; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Shuts the embedded database down so that another process (or a restart) can open it. */
    @Override
    public void close() throws SQLException {
        if (url.startsWith("jdbc:h2:")) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        }
    }
}
