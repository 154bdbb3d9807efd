/**
 * The image build use case: {@link dev.dockyard.image.build.ImageBuild} turns a rendered context into a tagged image
 * through the {@link dev.dockyard.image.engine.Engine} port, the {@link dev.dockyard.image.build.TagPolicy} decides
 * which tags it gets, and the build's record (the image id, digest and {@code image.json} that later goals read)
 * is written here. Knows the engine only through its interface.
 */
package dev.dockyard.image.build;
