package it;

import java.sql.SQLException;

/** Makes this service need java.sql. */
public final class Store {
    private Store() {}

    public static String describe(SQLException e) {
        return e.getSQLState();
    }
}
