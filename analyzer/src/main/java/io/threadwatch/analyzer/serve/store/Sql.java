package io.threadwatch.analyzer.serve.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Binds the parameters of the stores' and the fleet view's queries. */
public final class Sql {

    private Sql() {
    }

    /** Binds {@code params} in order; each is a {@code String}, {@code Long} or {@code Integer}. */
    public static void bind(PreparedStatement statement, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object param = params.get(i);
            if (param instanceof String text) {
                statement.setString(i + 1, text);
            } else if (param instanceof Long number) {
                statement.setLong(i + 1, number);
            } else if (param instanceof Integer number) {
                statement.setInt(i + 1, number);
            } else {
                throw new IllegalArgumentException("unsupported parameter " + param);
            }
        }
    }
}
