/**
 * One class per lint rule, each registered in {@code META-INF/services/dev.dockyard.image.policy.Rule} and
 * documented in {@code docs/rules.md}.
 */
package dev.dockyard.image.policy.rules;
