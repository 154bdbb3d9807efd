package dev.dockyard.image.engine;

import java.util.Optional;

/**
 * Asks a starting service directly whether it is ready, so that waiting for healthy need not wait for the engine's
 * first health check (which comes only one whole interval after start).
 */
@FunctionalInterface
public interface ReadinessProbe {

    /** A probe that never answers ready: wait for the engine's own checks alone. */
    ReadinessProbe NONE = Optional::empty;

    /**
     * Asks once, briefly.
     *
     * @return what answered, e.g. {@code GET /health answered 200}, when the service is ready; empty when not (yet)
     */
    Optional<String> ready() throws InterruptedException;
}
