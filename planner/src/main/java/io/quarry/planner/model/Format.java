package io.quarry.planner.model;

import java.util.Locale;

/** How a UI should display a value. */
public enum Format {
    NUMBER, INTEGER, CURRENCY, PERCENT, TEXT, DATE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Format parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + name
                    + "' (number, integer, currency, percent, text, date)");
        }
    }
}
