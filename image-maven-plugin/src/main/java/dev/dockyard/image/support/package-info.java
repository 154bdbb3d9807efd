/**
 * Small helpers shared by every concern and owned by none: the SHA-256 digest, the JUnit XML report writer. Depends
 * on nothing else of the plugin.
 */
package dev.dockyard.image.support;
