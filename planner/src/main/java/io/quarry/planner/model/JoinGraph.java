package io.quarry.planner.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The explicit graph of joins between datasets and entities. Validation guarantees it is
 * acyclic and that each node reaches each other node by at most one path, so the path from a
 * dataset to an entity is unambiguous; the planner follows it and refuses paths through a
 * one-to-many join, which would multiply the dataset's rows and inflate its sums.
 */
public final class JoinGraph {

    private final Map<String, List<Join>> outgoing = new LinkedHashMap<>();

    JoinGraph(List<Join> joins) {
        for (Join join : joins) {
            outgoing.computeIfAbsent(join.from(), k -> new ArrayList<>()).add(join);
        }
    }

    /** Every simple path of joins from {@code from} to {@code to}. */
    List<List<Join>> allPaths(String from, String to) {
        List<List<Join>> paths = new ArrayList<>();
        walk(from, to, new ArrayList<>(), new ArrayList<>(List.of(from)), paths);
        return paths;
    }

    private void walk(String node, String target, List<Join> path, List<String> visited, List<List<Join>> paths) {
        for (Join join : outgoing.getOrDefault(node, List.of())) {
            if (visited.contains(join.to())) {
                continue;
            }
            path.add(join);
            if (join.to().equals(target)) {
                paths.add(List.copyOf(path));
            } else {
                visited.add(join.to());
                walk(join.to(), target, path, visited, paths);
                visited.remove(visited.size() - 1);
            }
            path.remove(path.size() - 1);
        }
    }

    /** The path of joins from {@code from} to {@code to}: empty list when they are the same node. */
    public Optional<List<Join>> path(String from, String to) {
        if (from.equals(to)) {
            return Optional.of(List.of());
        }
        List<List<Join>> paths = allPaths(from, to);
        return paths.isEmpty() ? Optional.empty() : Optional.of(paths.get(0));
    }

    /** A cycle through {@code start}, as node names, if there is one. */
    Optional<List<String>> cycleThrough(String start) {
        return cycle(start, start, new ArrayList<>(List.of(start)));
    }

    private Optional<List<String>> cycle(String node, String start, List<String> trail) {
        for (Join join : outgoing.getOrDefault(node, List.of())) {
            if (join.to().equals(start)) {
                List<String> found = new ArrayList<>(trail);
                found.add(start);
                return Optional.of(found);
            }
            if (!trail.contains(join.to())) {
                trail.add(join.to());
                Optional<List<String>> found = cycle(join.to(), start, trail);
                if (found.isPresent()) {
                    return found;
                }
                trail.remove(trail.size() - 1);
            }
        }
        return Optional.empty();
    }
}
