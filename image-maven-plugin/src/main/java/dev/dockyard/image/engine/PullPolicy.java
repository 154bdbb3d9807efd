package dev.dockyard.image.engine;

import dev.dockyard.image.support.UserFixableException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** When the build pulls base images from their registry. */
public enum PullPolicy {
    /** Only images already in the engine are used; a missing base image fails the build before it starts. */
    NEVER,
    /** Base images missing from the engine are pulled (the engine's default). */
    MISSING,
    /** Base images are pulled on every build, to pick up a moved tag. */
    ALWAYS;

    /**
     * @throws UserFixableException naming the accepted values
     */
    public static PullPolicy parse(String value) throws UserFixableException {
        String wanted = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(p -> p.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new UserFixableException("'" + value + "' is not a pull policy: use one of "
                        + Arrays.stream(values()).map(PullPolicy::toString).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
