package dev.dockyard.image.engine;

import dev.dockyard.image.support.CoreException;

/** The engine could not do what was asked: unreachable, an API error, an I/O fault. */
public class EngineException extends CoreException {

    private static final long serialVersionUID = 1L;

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the user can fix this in the project or the setup (a failed build step, a refused login, no engine at
     * the address) rather than a fault of the engine.
     */
    public boolean userFixable() {
        return false;
    }
}
