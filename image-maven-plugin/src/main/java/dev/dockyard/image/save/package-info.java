/**
 * The save use case ({@code image:save}): {@link dev.dockyard.image.save.ImageArchive} writes the built image through
 * the {@link dev.dockyard.image.engine.Engine} port as a gzipped docker-archive, with its checksum and metadata.
 */
package dev.dockyard.image.save;
