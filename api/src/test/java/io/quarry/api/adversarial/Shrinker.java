package io.quarry.api.adversarial;

import io.quarry.api.adversarial.FuzzCheck.Verdict;
import io.quarry.api.adversarial.FuzzInputs.Input;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Delta debugging of a failing input's body: removes ever smaller pieces while the same failure
 * (category and class) still comes back, within a budget of requests, so each failure class is
 * reported with a small reproduction.
 */
final class Shrinker {

    private static final int BUDGET = 250;

    private final Function<Input, Verdict> send;
    private final String category;
    private final String cls;
    private final long deadline;
    private int tries;

    /** @param deadline the {@link System#nanoTime()} after which it stops shrinking */
    Shrinker(Function<Input, Verdict> send, String category, String cls, long deadline) {
        this.send = send;
        this.category = category;
        this.cls = cls;
        this.deadline = deadline;
    }

    private boolean budgetLeft() {
        return tries < BUDGET && System.nanoTime() < deadline;
    }

    Input shrink(Input input) {
        byte[] body = input.body();
        if (body == null || body.length > 200_000 || category.equals("HANG")) { // a hang costs the timeout per try
            return input;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (!Arrays.equals(text.getBytes(StandardCharsets.UTF_8), body) || !fails(input, text)) {
            return input; // not text, or the failure does not come back
        }
        int[] units = text.codePoints().toArray();
        int pieces = 2;
        while (units.length >= 2 && budgetLeft()) {
            int size = Math.max(1, units.length / pieces);
            boolean removed = false;
            for (int start = 0; start < units.length && budgetLeft(); start += size) {
                int[] candidate = new int[units.length - Math.min(size, units.length - start)];
                System.arraycopy(units, 0, candidate, 0, start);
                System.arraycopy(units, Math.min(units.length, start + size), candidate, start,
                        candidate.length - start);
                if (fails(input, new String(candidate, 0, candidate.length))) {
                    units = candidate;
                    pieces = Math.max(2, pieces - 1);
                    removed = true;
                    break;
                }
            }
            if (!removed) {
                if (size == 1) {
                    break;
                }
                pieces = Math.min(units.length, pieces * 2);
            }
        }
        return input.withBody(new String(units, 0, units.length).getBytes(StandardCharsets.UTF_8));
    }

    private boolean fails(Input input, String body) {
        tries++;
        Verdict verdict = send.apply(input.withBody(body.getBytes(StandardCharsets.UTF_8)));
        return verdict != null && verdict.category().equals(category) && verdict.cls().equals(cls);
    }
}
