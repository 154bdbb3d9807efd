/**
 * Small helpers shared by every concern and owned by none: the SHA-256 digest. Depends on nothing else of the
 * plugin.
 */
package dev.dockyard.image.support;
