package io.quarry.planner.model;

import java.util.List;

/** A dimension table (campaign, ad, country...) identified by its key columns. */
public record Entity(String name, String table, List<String> key, String description) {

    public Entity {
        key = List.copyOf(key);
    }
}
