/**
 * Small helpers shared by every concern and owned by none: the SHA-256 digest, the JUnit XML report writer, the jar
 * signature check, and Docker's value grammars for sizes ({@link dev.dockyard.image.support.ByteSize}) and
 * durations ({@link dev.dockyard.image.support.DurationText}), and the base of the core's exceptions
 * ({@link dev.dockyard.image.support.CoreException}, whose messages name parameters only by their POM names). Depends on
 * nothing else of the plugin.
 */
package dev.dockyard.image.support;
