package io.quarry.migrations.demo;

import java.time.LocalDate;

/** Demand by day: a weekly cycle (weekends quieter) and a yearly one (peaking before the holidays). */
final class Seasonality {

    /** Monday to Sunday. */
    private static final double[] WEEKDAY = {1.00, 1.06, 1.05, 1.02, 0.96, 0.80, 0.78};

    private Seasonality() {
    }

    static double of(LocalDate day) {
        double weekly = WEEKDAY[day.getDayOfWeek().getValue() - 1];
        double yearly = 1.0 + 0.18 * Math.cos(2 * Math.PI * (day.getDayOfYear() - 335) / 365.0);
        return weekly * yearly;
    }
}
