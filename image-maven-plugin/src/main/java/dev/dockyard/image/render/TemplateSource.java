package dev.dockyard.image.render;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the template comes from. {@code template} is a catalog name ({@code java-service}) looked up in
 * {@code moduleDirectory}, then {@code sharedDirectory}, then the bundled catalog; or a path to a {@code .ftl} file.
 *
 * @param template catalog name or path (relative to {@code baseDirectory})
 * @param baseDirectory the module's directory
 * @param moduleDirectory the module's own template directory ({@code src/main/docker})
 * @param sharedDirectory a directory shared by the reactor, or {@code null}
 */
public record TemplateSource(String template, Path baseDirectory, Path moduleDirectory, Path sharedDirectory) {

    /** @return the shared directory, if configured. */
    public Optional<Path> shared() {
        return Optional.ofNullable(sharedDirectory);
    }
}
