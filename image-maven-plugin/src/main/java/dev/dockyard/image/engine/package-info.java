/**
 * The container engine port and its adapter: the {@link dev.dockyard.image.engine.Engine} interface, its
 * docker-java implementation {@link dev.dockyard.image.engine.DockerEngine} (the only class that imports
 * docker-java), the engine's address, the records that cross the port (build contexts and requests, container
 * specs and states, image details and layers, registry credentials), and the container helpers that both
 * {@code verify} and {@code stack} use: {@link dev.dockyard.image.engine.RunningContainer}, the readiness probe and
 * the health and stop outcomes. Use cases live in their own packages and talk to this one through the port.
 */
package dev.dockyard.image.engine;
