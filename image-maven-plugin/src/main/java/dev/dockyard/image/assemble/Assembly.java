package dev.dockyard.image.assemble;

import java.time.Instant;

/**
 * How {@code image:build} makes the final stage.
 *
 * @param enabled {@code true} to assemble it when it can ({@code image.assembler=auto}), {@code false} to build it
 *                on the engine ({@code image.assembler=engine})
 * @param time    the one time every layer entry, history entry and the image's creation carry
 */
public record Assembly(boolean enabled, Instant time) {

    /** Every stage on the engine, as {@code docker build} does. */
    public static Assembly engine() {
        return new Assembly(false, Instant.EPOCH);
    }
}
