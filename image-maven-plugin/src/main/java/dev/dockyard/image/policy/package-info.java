/**
 * Dockerfile lint: the {@link dev.dockyard.image.policy.Rule} API, the rules (in {@code policy.rules}, found with
 * {@link java.util.ServiceLoader}), {@link dev.dockyard.image.policy.Linter} (settings, suppressions, findings) and
 * {@link dev.dockyard.image.policy.LintReports} (JSON, SARIF 2.1.0, JUnit XML). Independent of Maven.
 */
package dev.dockyard.image.policy;
