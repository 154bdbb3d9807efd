package dev.dockyard.image.engine;

import dev.dockyard.image.support.CoreException;

/** The engine could not do what was asked: unreachable, an API error, an I/O fault. */
public class EngineException extends CoreException {

    private static final long serialVersionUID = 1L;

    private final boolean userFixable;

    public EngineException(String message) {
        this(message, null, false);
    }

    public EngineException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /** @param userFixable see {@link #userFixable()} */
    protected EngineException(String message, Throwable cause, boolean userFixable) {
        super(message, cause);
        this.userFixable = userFixable;
    }

    /**
     * Whether the user can fix this in the project or the setup (a failed build step, a refused login, no engine at
     * the address) rather than a fault of the engine.
     */
    public final boolean userFixable() {
        return userFixable;
    }
}
