package io.quarry.planner.sql;

import java.util.List;

/**
 * SQL text with {@code ?} placeholders and the values bound to them, in placeholder order.
 * Both come from one walk of the tree, so they cannot drift apart.
 */
public record RenderedSql(String sql, List<BindValue> binds) {

    public RenderedSql {
        binds = List.copyOf(binds);
    }

    /**
     * The SQL with values inlined, for logs and explanations only. Never execute it.
     */
    public String inlined() {
        StringBuilder text = new StringBuilder(sql.length() + binds.size() * 8);
        int bind = 0;
        boolean quoted = false;
        boolean identifier = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' && !identifier) {
                quoted = !quoted;
            } else if (c == '"' && !quoted) {
                identifier = !identifier;
            }
            if (c == '?' && !quoted && !identifier && bind < binds.size()) {
                text.append(binds.get(bind++).inlined());
                if (sql.startsWith("::", i + 1)) {
                    int end = i + 3;
                    while (end < sql.length() && (Character.isLetter(sql.charAt(end)) || sql.charAt(end) == '['
                            || sql.charAt(end) == ']')) {
                        end++;
                    }
                    i = end - 1;
                }
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
