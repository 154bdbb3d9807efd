package dev.dockyard.image.render;

import java.nio.file.Path;
import java.util.List;

/**
 * What rendering produced.
 *
 * @param dockerfile the rendered Dockerfile
 * @param context the build context directory (holds the Dockerfile, the {@code .dockerignore} and the layers)
 * @param template where the template came from: a file path or {@code bundled template <name>}
 * @param layers the staged, non-empty layers in image order
 * @param modules the Java modules the runtime keeps
 * @param upToDate {@code true} when nothing changed since the last render, which was therefore skipped
 * @param warnings what the user should know but need not fix (e.g. a jar the module scan could not read in full)
 */
public record RenderResult(Path dockerfile, Path context, String template, List<StagedLayer> layers,
        List<String> modules, boolean upToDate, List<String> warnings) {

    public RenderResult {
        layers = List.copyOf(layers);
        modules = List.copyOf(modules);
        warnings = List.copyOf(warnings);
    }

    /** A result without warnings. */
    public RenderResult(Path dockerfile, Path context, String template, List<StagedLayer> layers,
            List<String> modules, boolean upToDate) {
        this(dockerfile, context, template, layers, modules, upToDate, List.of());
    }

    /** @return total bytes of the staged layers. */
    public long contextBytes() {
        return layers.stream().mapToLong(StagedLayer::bytes).sum();
    }
}
