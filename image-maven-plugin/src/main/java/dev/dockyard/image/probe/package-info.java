/**
 * The health probe copied into images and run by their own Java runtime: {@code java.base} only, one class.
 */
package dev.dockyard.image.probe;
