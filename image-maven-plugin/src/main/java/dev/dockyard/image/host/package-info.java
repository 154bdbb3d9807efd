/**
 * Builds without an engine ({@code image.builder=host}): the earlier stages of the bundled template made on this
 * machine (jlink of a JDK here; the shared libraries, their dpkg entries and {@code /etc/os-release} read from the
 * builder image's layers, pulled through the registry client), byte for byte what the engine's build of the same
 * stages gives with the same JDK build.
 */
package dev.dockyard.image.host;
