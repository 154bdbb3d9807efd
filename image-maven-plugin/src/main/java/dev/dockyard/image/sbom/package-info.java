/**
 * The software bill of materials of an image: a CycloneDX 1.6 JSON document listing what the image holds, written
 * with {@code cyclonedx-core-java}. {@link dev.dockyard.image.sbom.SbomWriter} turns a
 * {@link dev.dockyard.image.sbom.SbomRequest} (the image, its base images, the runtime and the staged jars) into
 * bytes; {@link dev.dockyard.image.sbom.JarContents} finds the jars inside a Spring Boot or shaded jar. The same
 * request always gives the same bytes: the serial number is derived from the content, the timestamp is the
 * project's {@code project.build.outputTimestamp}. Knows nothing of Maven or of the engine.
 */
package dev.dockyard.image.sbom;
