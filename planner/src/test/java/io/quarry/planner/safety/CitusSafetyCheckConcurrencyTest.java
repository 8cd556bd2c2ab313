package io.quarry.planner.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One shared instance checked from many threads gives the same answers as sequential runs. */
class CitusSafetyCheckConcurrencyTest {

    @Test
    void sharedInstanceIsThreadSafe() throws Exception {
        CitusSafetyCheck shared = new CitusSafetyCheck();
        List<SafetyCases.Case> cases = SafetyCases.load();
        List<List<SafetyViolation>> sequential = cases.stream()
                .map(c -> shared.check(c.sql(), SafetyCases.POLICY)).toList();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<List<SafetyViolation>>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    List<List<SafetyViolation>> results = new ArrayList<>();
                    for (int i = 0; i < cases.size(); i++) {
                        results.add(null);
                    }
                    for (int k = 0; k < cases.size(); k++) {
                        int i = (k + offset * 7) % cases.size(); // each thread in a different order
                        results.set(i, shared.check(cases.get(i).sql(), SafetyCases.POLICY));
                    }
                    return results;
                }));
            }
            for (Future<List<List<SafetyViolation>>> f : futures) {
                assertThat(f.get()).isEqualTo(sequential);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
