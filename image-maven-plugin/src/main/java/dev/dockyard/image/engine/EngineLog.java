package dev.dockyard.image.engine;

/** Where the engine client reports progress: the build's step output, the checks. Adapted to Maven's log. */
public interface EngineLog {

    void info(String line);

    void warn(String line);

    void error(String line);

    void debug(String line);
}
