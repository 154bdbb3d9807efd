/**
 * Parsers of user settings shared by several goals (ports, the health path and its {@code none}, build
 * arguments), each naming the property and the value at fault. Depends on nothing else of the plugin.
 */
package dev.dockyard.image.settings;
