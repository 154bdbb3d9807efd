package dev.dockyard.image.build;

import dev.dockyard.image.engine.BuildResult;
import dev.dockyard.image.engine.ImageDetails;

import java.nio.file.Path;

/**
 * What {@link ImageBuild} built and wrote.
 *
 * @param build  the engine's build result (id, tags, context)
 * @param image  the built image as inspected
 * @param idFile the file holding the image id
 * @param json   {@code image.json}
 */
public record ImageBuildResult(BuildResult build, ImageDetails image, Path idFile, Path json) {
}
