/**
 * Rendering a module's Dockerfile: the Freemarker configuration and template lookup (the module's own, a shared
 * directory, the bundled catalog), the settings' validation, the data model a template sees, and the up-to-date check
 * that skips the whole render when nothing it read has changed. What the context holds and how it is staged is
 * {@code stage}'s.
 */
package dev.dockyard.image.render;
