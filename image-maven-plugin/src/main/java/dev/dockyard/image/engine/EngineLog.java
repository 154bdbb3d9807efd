package dev.dockyard.image.engine;

/**
 * Where the engine client reports progress: the build's step output, the checks. Adapted to Maven's log. One method
 * takes every line; the others name its level.
 */
@FunctionalInterface
public interface EngineLog {

    /** How much a line matters, as Maven's log levels. */
    enum Level {
        DEBUG,
        INFO,
        WARN,
        ERROR
    }

    void log(Level level, String line);

    default void info(String line) {
        log(Level.INFO, line);
    }

    default void warn(String line) {
        log(Level.WARN, line);
    }

    default void error(String line) {
        log(Level.ERROR, line);
    }

    default void debug(String line) {
        log(Level.DEBUG, line);
    }
}
