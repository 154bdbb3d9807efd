/**
 * The container engine: the {@link dev.dockyard.image.engine.Engine} interface and its docker-java implementation
 * ({@link dev.dockyard.image.engine.DockerEngine}), the engine's address, build contexts, and the use cases that
 * talk to it: the image build and the verification of an image (static and live checks) with its reports.
 */
package dev.dockyard.image.engine;
