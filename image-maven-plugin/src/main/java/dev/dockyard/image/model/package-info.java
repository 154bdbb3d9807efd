/**
 * What an image is, whoever read it: its details ({@link dev.dockyard.image.model.ImageDetails}: id, tags, size,
 * user, ports, labels), its layers and its health check. Plain values, read from the engine or from an archive;
 * depends on nothing else of the plugin.
 */
package dev.dockyard.image.model;
