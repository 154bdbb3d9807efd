package dev.dockyard.image.engine;

/**
 * A registry refused or could not be reached (push failed, credentials could not be read): the user's setup, so
 * the message names the registry, the image and what to check, and never a credential.
 */
public class RegistryException extends EngineException {

    private static final long serialVersionUID = 1L;

    public RegistryException(String message) {
        super(message, null, true);
    }
}
