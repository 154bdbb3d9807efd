package dev.dockyard.image.render;

import dev.dockyard.image.stage.StagedLayer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What rendering produced.
 *
 * @param dockerfile the rendered Dockerfile
 * @param context the build context directory (holds the Dockerfile, the {@code .dockerignore} and the layers)
 * @param template where the template came from: a file path or {@code bundled template <name>}
 * @param layers the staged, non-empty layers in image order
 * @param modules the Java modules the runtime keeps
 * @param upToDate {@code true} when nothing changed since the last render, which was therefore skipped
 * @param staging one line saying which layout the module's jar has and how it was staged
 * @param warnings what the user should know: a fat jar staged twice, a jar the module scan could not read in full
 * @param moduleReasons one line per module the runtime links: the module and why (the first jar and class that
 *     needs it, the rule, option or setting), as the module scan explains it
 */
public record RenderResult(
        Path dockerfile,
        Path context,
        String template,
        List<StagedLayer> layers,
        List<String> modules,
        boolean upToDate,
        String staging,
        List<String> warnings,
        List<String> moduleReasons) {

    public RenderResult {
        layers = List.copyOf(layers);
        modules = List.copyOf(modules);
        warnings = List.copyOf(warnings);
        moduleReasons = List.copyOf(moduleReasons);
    }

    /**
     * @param workDirectory the module's work directory
     * @param context the build context the render wrote
     * @return the last render's result, when it and every file it staged are still in place
     */
    public static Optional<RenderResult> last(Path workDirectory, Path context) throws IOException {
        return RenderState.last(workDirectory, context);
    }

    /** @return total bytes of the staged layers. */
    public long contextBytes() {
        return layers.stream().mapToLong(StagedLayer::bytes).sum();
    }
}
