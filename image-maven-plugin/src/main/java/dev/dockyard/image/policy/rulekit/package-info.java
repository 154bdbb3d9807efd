/**
 * What the lint rules share and no rule is: the rule base classes, the shell-command reader of {@code RUN}, the
 * package-manager argument readers, the final image's stage chain.
 */
package dev.dockyard.image.policy.rulekit;
