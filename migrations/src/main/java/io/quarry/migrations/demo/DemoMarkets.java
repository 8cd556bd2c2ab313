package io.quarry.migrations.demo;

import java.util.List;
import java.util.Map;

/** The markets demo accounts and campaigns run in, with the figures that shape their costs. */
final class DemoMarkets {

    /**
     * A country the demo advertises in: its currency and time zone, the typical cost per
     * thousand impressions there and the typical order value, both in US dollars.
     */
    record Market(String country, String currency, String timezone, double cpmUsd, double orderValueUsd) {
    }

    static final List<Market> ALL = List.of(
            new Market("US", "USD", "America/New_York", 9.50, 70),
            new Market("CA", "CAD", "America/Toronto", 6.00, 60),
            new Market("BR", "BRL", "America/Sao_Paulo", 1.80, 35),
            new Market("MX", "USD", "America/Mexico_City", 2.50, 35),
            new Market("GB", "GBP", "Europe/London", 8.80, 70),
            new Market("DE", "EUR", "Europe/Berlin", 8.20, 65),
            new Market("FR", "EUR", "Europe/Paris", 7.10, 60),
            new Market("FI", "EUR", "Europe/Helsinki", 6.50, 55),
            new Market("SE", "SEK", "Europe/Stockholm", 6.70, 57),
            new Market("ES", "EUR", "Europe/Madrid", 4.90, 48),
            new Market("IT", "EUR", "Europe/Rome", 5.40, 50),
            new Market("NL", "EUR", "Europe/Amsterdam", 7.10, 60),
            new Market("JP", "JPY", "Asia/Tokyo", 6.00, 55),
            new Market("IN", "INR", "Asia/Kolkata", 1.45, 18),
            new Market("AU", "AUD", "Australia/Sydney", 7.30, 60),
            new Market("SG", "USD", "Asia/Singapore", 6.00, 60));

    /** Relative popularity of the markets above as an account's home market. */
    static final double[] HOME_WEIGHTS = {
        30, 4, 5, 3, 10, 8, 5, 4, 4, 3, 3, 3, 3, 5, 4, 2
    };

    /** Units of each currency per US dollar, roughly. */
    private static final Map<String, Double> PER_USD = Map.of(
            "USD", 1.0, "CAD", 1.35, "BRL", 5.0, "GBP", 0.79, "EUR", 0.92,
            "SEK", 10.5, "JPY", 150.0, "INR", 83.0, "AUD", 1.5);

    private DemoMarkets() {
    }

    static double perUsd(String currency) {
        return PER_USD.get(currency);
    }
}
