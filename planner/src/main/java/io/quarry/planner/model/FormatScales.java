package io.quarry.planner.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The decimal places a quotient metric (a ratio, an average, a COMPARE change) is rounded to in
 * SQL, by its format: the model's {@code formats} section, over defaults of 4 for {@code number}
 * and {@code currency}, 6 for {@code percent} (a fraction: 0.012345 is 1.2345%), 0 for
 * {@code integer}. Sums, counts, minimums and maximums are exact and never rounded.
 */
public record FormatScales(Map<Format, Integer> scales) {

    /** The most decimal places a format may declare. */
    public static final int MAX_SCALE = 12;

    public FormatScales {
        scales = Map.copyOf(scales);
    }

    public static FormatScales defaults() {
        Map<Format, Integer> scales = new EnumMap<>(Format.class);
        scales.put(Format.NUMBER, 4);
        scales.put(Format.CURRENCY, 4);
        scales.put(Format.PERCENT, 6);
        scales.put(Format.INTEGER, 0);
        return new FormatScales(scales);
    }

    /** The scale of a quotient shown in {@code format} (one with none, text or date: the number scale). */
    public int of(Format format) {
        return scales.getOrDefault(format, scales.get(Format.NUMBER));
    }

    /** The defaults with the scales {@code node} (the {@code formats} mapping, maybe missing) declares. */
    static FormatScales read(JsonNode node, List<String> problems) {
        Map<Format, Integer> scales = new EnumMap<>(defaults().scales());
        if (node.isMissingNode()) {
            return new FormatScales(scales);
        }
        if (!node.isObject()) {
            problems.add("formats must be a mapping");
            return new FormatScales(scales);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String where = "formats." + entry.getKey();
            Format format;
            try {
                format = Format.parse(entry.getKey());
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + e.getMessage());
                continue;
            }
            if (!scales.containsKey(format)) {
                problems.add(where + ": a " + format.label() + " value is not a number; only number, integer,"
                        + " currency and percent have a scale");
                continue;
            }
            JsonNode value = entry.getValue();
            if (!value.isObject() || value.size() != 1 || !value.has("scale")) {
                problems.add(where + " must be a mapping with one key, scale");
                continue;
            }
            JsonNode scale = value.get("scale");
            if (!scale.isInt() || scale.intValue() < 0 || scale.intValue() > MAX_SCALE) {
                problems.add(where + ".scale must be a whole number from 0 to " + MAX_SCALE + ", not " + scale);
                continue;
            }
            scales.put(format, scale.intValue());
        }
        return new FormatScales(scales);
    }
}
