/**
 * The verification use case: {@link dev.dockyard.image.verify.ImageVerifier} runs the static checks (size, user,
 * health check, ports, labels) as pure functions over the image's details, and the live checks against a running
 * container through the {@link dev.dockyard.image.engine.Engine} port; each outcome is a
 * {@link dev.dockyard.image.verify.Check} in a {@link dev.dockyard.image.verify.Verification}, written as JUnit XML
 * and HTML reports. {@code image:check} uses the static half on a saved archive, with no engine.
 */
package dev.dockyard.image.verify;
