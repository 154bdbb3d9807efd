/**
 * Staging a module's build context: what the module's jar is ({@link dev.dockyard.image.stage.JarLayouts} recognises a
 * plain, Spring Boot, shaded or Quarkus jar, one class each), the {@link dev.dockyard.image.stage.StagingPlan} of
 * layers it implies so that no jar is staged twice, the files each layout reads (which the up-to-date check watches),
 * and {@link dev.dockyard.image.stage.ContextStager}, which writes the layers with fixed times. Never reaches the
 * engine.
 */
package dev.dockyard.image.stage;
