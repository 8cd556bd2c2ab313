package io.quarry.api.adversarial;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a run found, thread-safe: counters, and failures grouped into classes (a leak, a wrong
 * figure, a 5xx of one kind...), each class with its count, its first case and its smallest
 * input, every one with the seed that replays it.
 */
final class Findings {

    /** One failing case: its class, seed, the request that failed and what was wrong. */
    record Finding(String category, String cls, long seed, String request, String detail) {

        String describe(String testClass) {
            return "[" + category + "] " + cls + "\n    seed " + seed + "  (replay: "
                    + AdversarialSettings.replayCommand(testClass, seed) + ")\n    request: " + indent(request)
                    + "\n    " + indent(detail);
        }

        private static String indent(String text) {
            String shown = text.length() > 4000 ? text.substring(0, 4000) + "... (" + text.length() + " chars)" : text;
            return shown.replace("\n", "\n      ");
        }
    }

    /** A class of failures: how many, the first, the one with the smallest request. */
    static final class FailureClass {
        final LongAdder count = new LongAdder();
        volatile Finding first;
        volatile Finding smallest;
    }

    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final Map<String, FailureClass> failures = new ConcurrentHashMap<>();

    void count(String counter) {
        add(counter, 1);
    }

    void add(String counter, long amount) {
        counters.computeIfAbsent(counter, k -> new LongAdder()).add(amount);
    }

    void fail(Finding finding) {
        FailureClass failure = failures.computeIfAbsent(finding.category() + ": " + finding.cls(),
                k -> new FailureClass());
        failure.count.increment();
        synchronized (failure) {
            if (failure.first == null) {
                failure.first = finding;
            }
            if (failure.smallest == null || finding.request().length() < failure.smallest.request().length()) {
                failure.smallest = finding;
            }
        }
    }

    /** The failures of one category (LEAK, MISMATCH, 5XX...), by class. */
    Map<String, FailureClass> failures(String category) {
        Map<String, FailureClass> selected = new TreeMap<>();
        failures.forEach((name, failure) -> {
            if (failure.first.category().equals(category)) {
                selected.put(name, failure);
            }
        });
        return selected;
    }

    long failed(String category) {
        return failures(category).values().stream().mapToLong(f -> f.count.sum()).sum();
    }

    boolean anyFailure() {
        return !failures.isEmpty();
    }

    /** Every counter, then every failure class with its count and smallest case. */
    String report(String title, String testClass) {
        StringBuilder report = new StringBuilder("\n===== ").append(title).append(" =====\n");
        new TreeMap<>(counters).forEach((name, count) -> report.append(String.format("%-44s %,12d%n", name,
                count.sum())));
        List<Map.Entry<String, FailureClass>> classes = new ArrayList<>(failures.entrySet());
        classes.sort(Comparator.comparing(Map.Entry::getKey));
        report.append(classes.isEmpty() ? "no failures\n" : classes.size() + " failure classes:\n");
        for (Map.Entry<String, FailureClass> entry : classes) {
            FailureClass failure = entry.getValue();
            report.append(String.format("%n%,d x %s%n  smallest: %s%n", failure.count.sum(), entry.getKey(),
                    failure.smallest.describe(testClass)));
        }
        return report.toString();
    }
}
