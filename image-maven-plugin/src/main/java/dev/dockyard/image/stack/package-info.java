/**
 * The reactor as a stack: the services of a reactor (one per module with an image), their dependencies checked and
 * ordered ({@link dev.dockyard.image.stack.StackPlan}), written as a Compose file
 * ({@link dev.dockyard.image.stack.ComposeWriter}) and started and stopped on an engine in dependency order
 * ({@link dev.dockyard.image.stack.StackRunner}). Maven-free.
 */
package dev.dockyard.image.stack;
