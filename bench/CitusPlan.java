package bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How the database plans a report, read from {@code POST /explain}'s {@code databasePlan} (the EXPLAIN
 * lines): on Citus a router plan (one Citus Adaptive scan, one task, no distributed subplans) or a
 * multi-shard one (some scan has several tasks), with the Task Count of each {@code Custom Scan (Citus
 * Adaptive)} node: the final query's first, then its distributed subplans' in plan order. On plain
 * PostgreSQL there is no such node: "not distributed".
 */
record CitusPlan(String kind, List<Integer> taskCounts, int subplans) {

    private static final Pattern TASK_COUNT = Pattern.compile("^(\\s*)Task Count: (\\d+)");

    static CitusPlan of(List<String> lines) {
        List<int[]> scans = new ArrayList<>(); // {indentation, task count or -1}, in plan order
        int subplans = 0;
        for (String line : lines) {
            int indent = line.length() - line.stripLeading().length();
            if (line.contains("Custom Scan (Citus")) {
                scans.add(new int[] {indent, -1});
            } else if (line.contains("Distributed Subplan ")) {
                subplans++;
            }
            Matcher m = TASK_COUNT.matcher(line);
            if (m.find()) {
                // The count belongs to the last scan above it, less indented, without a count yet.
                for (int i = scans.size() - 1; i >= 0; i--) {
                    if (scans.get(i)[0] < m.group(1).length() && scans.get(i)[1] < 0) {
                        scans.get(i)[1] = Integer.parseInt(m.group(2));
                        break;
                    }
                }
            }
        }
        List<Integer> counts = scans.stream().map(s -> s[1]).toList();
        String kind;
        if (counts.isEmpty()) {
            kind = "not distributed";
        } else if (counts.stream().anyMatch(c -> c > 1)) {
            kind = "multi-shard";
        } else if (counts.size() == 1 && subplans == 0 && counts.get(0) == 1) {
            kind = "router";
        } else {
            kind = "single-shard with subplans";
        }
        return new CitusPlan(kind, counts, subplans);
    }

    /** The task counts as the report shows them: "1", or "final 1; subplans 32, 1, 1". */
    String tasks() {
        if (taskCounts.isEmpty()) {
            return "-";
        }
        String rest = taskCounts.subList(1, taskCounts.size()).stream().map(String::valueOf)
                .collect(Collectors.joining(", "));
        return rest.isEmpty() ? String.valueOf(taskCounts.get(0)) : "final " + taskCounts.get(0) + "; subplans " + rest;
    }
}
