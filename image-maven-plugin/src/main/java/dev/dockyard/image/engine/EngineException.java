package dev.dockyard.image.engine;

/** The engine could not do what was asked: unreachable, an API error, an I/O fault. */
public class EngineException extends Exception {

    private static final long serialVersionUID = 1L;

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
