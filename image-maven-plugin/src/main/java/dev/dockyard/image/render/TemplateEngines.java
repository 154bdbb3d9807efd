package dev.dockyard.image.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Template engines by directory list, so that the modules of a reactor that share a template directory share one
 * Freemarker configuration and its parsed-template cache. Owned by whoever drives the builds (one per build).
 */
public final class TemplateEngines {

    private final Map<List<Path>, TemplateEngine> engines = new ConcurrentHashMap<>();

    /** @return the engine for these directories (searched in order, then the bundled catalog). */
    public TemplateEngine forDirectories(List<Path> directories) throws IOException {
        try {
            return engines.computeIfAbsent(List.copyOf(directories), dirs -> {
                try {
                    return new TemplateEngine(dirs);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
