/**
 * Image archives as untrusted input: reading the Docker {@code save} format and the OCI image layout
 * ({@link dev.dockyard.image.archive.ArchiveReader}), their names, and {@code image:check}'s static checks of an
 * archive with no engine ({@link dev.dockyard.image.archive.ArchiveCheck}). Never reaches the engine.
 */
package dev.dockyard.image.archive;
