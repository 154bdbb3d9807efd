package dev.dockyard.image.engine;

/**
 * Opens a connection of its own to the engine: a shutdown hook cannot count on the build's, which is torn down
 * with the JVM.
 */
@FunctionalInterface
public interface Reconnect {

    Engine open() throws EngineException;
}
