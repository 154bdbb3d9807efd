package dev.dockyard.image.assemble;

import java.time.Instant;

/**
 * How {@code image:build} makes the final stage.
 *
 * @param enabled {@code true} to assemble it when it can ({@code image.assembler=auto}), {@code false} to build it
 *                on the engine ({@code image.assembler=engine})
 * @param time    the one time every layer entry, history entry and the image's creation carry
 * @param stages  an object the builds of earlier stages hold while they run, shared by the modules of a build that
 *                link one runtime ({@code image.runtime=reactor}): the first builds the runtime's stage, the others
 *                find it in the engine's cache; {@code null} to build them at once
 */
public record Assembly(boolean enabled, Instant time, Object stages) {

    /** Earlier stages built without waiting for other modules. */
    public Assembly(boolean enabled, Instant time) {
        this(enabled, time, null);
    }

    /** Every stage on the engine, as {@code docker build} does. */
    public static Assembly engine() {
        return new Assembly(false, Instant.EPOCH);
    }
}
