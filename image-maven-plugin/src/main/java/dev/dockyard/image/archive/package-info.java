/**
 * Saved images: writing an image as a gzipped docker-archive with its checksum and metadata
 * ({@link dev.dockyard.image.archive.ImageArchive}).
 */
package dev.dockyard.image.archive;
