package io.quarry.migrations.demo;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Plausible names for demo accounts, campaigns, ad sets and ads. */
final class DemoNames {

    private static final List<String> BRAND_FIRST = List.of(
            "Northwind", "Bluebird", "Evergreen", "Summit", "Harbor", "Lumen", "Nimbus", "Cobalt",
            "Juniper", "Aurora", "Granite", "Maple", "Solstice", "Tidal", "Vertex", "Willow");
    private static final List<String> BRAND_SECOND = List.of(
            "Outdoor", "Coffee", "Fitness", "Travel", "Home", "Apparel", "Games", "Beauty",
            "Books", "Pets", "Foods", "Audio", "Bikes", "Tea", "Kids", "Garden");
    private static final List<String> THEMES = List.of(
            "Spring Sale", "Summer Launch", "Back to School", "Black Friday", "Holiday Gifts",
            "New Year", "Brand Awareness", "Retargeting", "Prospecting", "App Promo",
            "Clearance", "Loyalty", "Newsletter Signup", "Product Launch", "Always On");
    private static final List<String> AUDIENCES = List.of(
            "Lookalike 1%", "Lookalike 5%", "Interest: Sports", "Interest: Travel",
            "Website Visitors 30d", "Cart Abandoners", "Broad 18-34", "Broad 35-54",
            "Customers List", "Engaged Video Viewers");
    private static final List<String> CREATIVES = List.of(
            "Hero", "Testimonial", "Product Close-up", "Lifestyle", "Offer", "Unboxing",
            "How-to", "Seasonal", "UGC", "Countdown");

    private DemoNames() {
    }

    static String account(long accountId) {
        int first = (int) ((accountId - 1) % BRAND_FIRST.size());
        int second = (int) (((accountId - 1) / BRAND_FIRST.size()) % BRAND_SECOND.size());
        long series = (accountId - 1) / ((long) BRAND_FIRST.size() * BRAND_SECOND.size());
        String name = BRAND_FIRST.get(first) + " " + BRAND_SECOND.get(second);
        return series == 0 ? name : name + " " + (series + 1);
    }

    static String campaign(SplittableRandom random, String country, String objective, int ordinal) {
        return pick(random, THEMES) + " - " + country + " - " + capitalize(objective) + " #" + ordinal;
    }

    static String adSet(SplittableRandom random, int ordinal) {
        return pick(random, AUDIENCES) + " #" + ordinal;
    }

    static String ad(SplittableRandom random, String format, int ordinal) {
        return capitalize(format) + " - " + pick(random, CREATIVES) + " v" + ordinal;
    }

    private static String pick(SplittableRandom random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String capitalize(String constant) {
        String lower = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
