package io.quarry.api.rollups;

import java.math.BigDecimal;

/** Report and SQL values as comparable text: numbers without trailing zeros, everything else as is. */
final class Cells {

    private Cells() {
    }

    static String of(String value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
