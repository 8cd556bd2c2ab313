package io.quarry.api.adversarial;

import java.util.List;
import java.util.Random;

/** The base of the fuzz generators: one seeded source of choices, so a seed replays an input. */
abstract class Generator {

    protected final Random random;

    Generator(Random random) {
        this.random = random;
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    <T> T one(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
