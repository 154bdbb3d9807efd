/**
 * Rendering a module's Dockerfile: Freemarker configuration and template lookup, the data model, the staging of the
 * layered build context, and the up-to-date check of both.
 */
package dev.dockyard.image.render;
