package io.quarry.api;

import io.micronaut.runtime.Micronaut;

/** Starts the Quarry HTTP service. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
