package io.quarry.planner.sql;

/** The one function that turns a name into an SQL identifier. Names come from the model only. */
public final class Identifiers {

    private Identifiers() {
    }

    /** Double-quotes a name, doubling embedded quotes; NUL cannot appear in an identifier. */
    public static String quote(String name) {
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a valid identifier: '" + name + "'");
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
