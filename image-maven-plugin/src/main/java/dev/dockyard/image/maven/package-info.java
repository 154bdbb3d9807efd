/**
 * The Maven side, and the only package that imports Maven: the mojos (one per goal: skip, adapter, use case, log
 * lines and exceptions), the adapter from the Maven model to the core's plain inputs, and the build-scoped holders
 * of what modules of one build share.
 */
package dev.dockyard.image.maven;
