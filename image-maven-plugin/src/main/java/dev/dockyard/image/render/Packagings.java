package dev.dockyard.image.render;

import java.util.List;
import java.util.Optional;

/** Which modules get an image, by packaging: the one rule every goal skips by. */
public final class Packagings {

    /** Packagings that get an image: a jar, and Quarkus 3's {@code quarkus} (a fast-jar in target/quarkus-app). */
    public static final List<String> SUPPORTED = List.of("jar", "quarkus");

    private Packagings() {}

    /** @return why a module of this packaging gets no image (the goal's skip line ends with it), or empty */
    public static Optional<String> skipReason(String packaging) {
        if ("pom".equals(packaging)) {
            return Optional.of("packaging 'pom' has no image");
        }
        if (!SUPPORTED.contains(packaging)) {
            return Optional.of("packaging '" + packaging + "' is not supported (only " + String.join(" and ", SUPPORTED)
                    + " modules get an image)");
        }
        return Optional.empty();
    }
}
