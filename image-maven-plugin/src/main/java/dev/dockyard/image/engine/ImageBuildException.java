package dev.dockyard.image.engine;

/**
 * The Dockerfile could not be built: a step failed, or a base image is missing under pull policy {@code never}.
 * The fix is in the project (Dockerfile, template, configuration), not in the engine.
 */
public class ImageBuildException extends EngineException {

    private static final long serialVersionUID = 1L;

    public ImageBuildException(String message) {
        super(message, null, true);
    }
}
