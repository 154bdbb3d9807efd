package dev.dockyard.image.maven;

import dev.dockyard.image.render.DefaultImages;
import dev.dockyard.image.render.RenderResult;
import dev.dockyard.image.sbom.SbomRequest;
import java.io.IOException;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * The one place the SBOM's request is made from the Maven build, for {@code image:sbom} (which writes it as it is)
 * and {@code image:build} (which adds the Debian packages the builder stage put into the image): so the document
 * {@code image:sbom} writes without an engine is the built image's document less its packages.
 */
final class SbomRequests {

    private SbomRequests() {}

    /**
     * @param imageName the image's repository name, resolved
     * @param tags      the image's tags, trimmed; the first is the document's version
     * @param bases     the builder and runtime base images
     * @param workdir   the service's working directory in the image
     */
    static SbomRequest engineFree(
            MavenProject project,
            MavenSession session,
            RenderResult render,
            String imageName,
            List<String> tags,
            DefaultImages.Bases bases,
            String workdir)
            throws IOException, org.apache.maven.plugin.MojoFailureException {
        return new SbomRequest(
                imageName,
                tags.isEmpty() ? project.getVersion() : tags.get(0),
                new MavenProjectAdapter(project, session).outputTimestamp().orElse(null),
                bases.builder(),
                bases.runtime(),
                null,
                bases.jdkRelease(),
                render.modules(),
                new SbomLibraries(project, session).libraries(render, workdir.strip()),
                "debian",
                List.of());
    }
}
