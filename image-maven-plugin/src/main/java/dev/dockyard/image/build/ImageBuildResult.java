package dev.dockyard.image.build;

import dev.dockyard.image.engine.BuildResult;
import dev.dockyard.image.model.ImageDetails;

/**
 * What {@link ImageBuild} built and wrote.
 *
 * @param build  the engine's build result (id, tags, context)
 * @param image  the built image as inspected
 * @param record the files that record it for later goals
 */
public record ImageBuildResult(BuildResult build, ImageDetails image, BuiltImage record) {}
