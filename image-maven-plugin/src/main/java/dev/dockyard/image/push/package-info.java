/**
 * The push use case: {@link dev.dockyard.image.push.ImagePush} sends the built image's tags to their registries
 * through the {@link dev.dockyard.image.engine.Engine} port, with credentials found by
 * {@link dev.dockyard.image.push.CredentialLookup} (Maven settings, then the Docker config's helpers, store and
 * auths, then properties). Secrets never reach a log, a report or a message.
 */
package dev.dockyard.image.push;
