package dev.dockyard.image.maven;

import static dev.dockyard.image.maven.ImageParameters.*;

import dev.dockyard.image.render.DefaultImages;
import dev.dockyard.image.render.RenderResult;
import dev.dockyard.image.sbom.PackageRecord;
import dev.dockyard.image.sbom.SbomLibrary;
import dev.dockyard.image.sbom.SbomRequest;
import dev.dockyard.image.sbom.SbomWriter;
import dev.dockyard.image.support.ModuleLock;
import dev.dockyard.image.support.Sha256;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Writes the software bill of materials of the image {@code image:dockerfile} rendered: a CycloneDX 1.6 JSON document
 * at {@code target/image-reports/sbom.cdx.json} listing every jar staged into the image (its {@code pkg:maven} purl,
 * the SHA-256 of the staged file, the licenses of its POM, reactor modules marked, the libraries inside a Spring Boot
 * or shaded jar), the Java runtime with the modules it links, and the base image. The same inputs give the same
 * bytes. No engine needed. With {@code image.attach} the document is attached (classifier {@code cyclonedx}, type
 * {@code json}).
 *
 * @since 0.3.0
 */
@Mojo(
        name = "sbom",
        defaultPhase = LifecyclePhase.PACKAGE,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class SbomMojo extends AbstractImageMojo {

    /** The file the SBOM is written to, relative to the build directory. */
    static final String SBOM_FILE = "image-reports/sbom.cdx.json";

    /**
     * Directory image:dockerfile wrote the Dockerfile and the staged build context to.
     *
     * @since 0.3.0
     */
    @Parameter(property = OUTPUT_DIRECTORY, defaultValue = OUTPUT_DIRECTORY_DEFAULT)
    private File outputDirectory;

    /**
     * Directory of image:dockerfile's intermediate files, where it records what it staged.
     *
     * @since 0.3.0
     */
    @Parameter(property = WORK_DIRECTORY, defaultValue = WORK_DIRECTORY_DEFAULT)
    private File workDirectory;

    /**
     * Image repository name: the SBOM's {@code metadata.component}.
     *
     * @since 0.3.0
     */
    @Parameter(property = NAME, defaultValue = NAME_DEFAULT)
    private String imageName;

    /**
     * Tags of the image; the first is the version of the SBOM's {@code metadata.component}.
     *
     * @since 0.3.0
     */
    @Parameter(property = TAGS, defaultValue = TAGS_DEFAULT)
    private List<String> tags;

    /**
     * The template, as for image:dockerfile: it decides the default runtime image.
     *
     * @since 0.3.0
     */
    @Parameter(property = TEMPLATE, defaultValue = TEMPLATE_DEFAULT)
    private String template;

    /**
     * Base image of the builder stage, as for image:dockerfile: the JDK the runtime is linked from.
     *
     * @since 0.3.0
     */
    @Parameter(property = BUILDER_IMAGE)
    private String builderImage;

    /**
     * Base image of the final stage, as for image:dockerfile.
     *
     * @since 0.3.0
     */
    @Parameter(property = RUNTIME_IMAGE)
    private String runtimeImage;

    /**
     * Working directory of the service in the image, as for image:dockerfile: the jars' paths are below it.
     *
     * @since 0.3.0
     */
    @Parameter(property = WORKDIR, defaultValue = WORKDIR_DEFAULT)
    private String workdir;

    /**
     * Attach the SBOM to the project (classifier {@code cyclonedx}, type {@code json}) so that {@code install} and
     * {@code deploy} publish it.
     *
     * @since 0.3.0
     */
    @Parameter(property = ATTACH, defaultValue = ATTACH_DEFAULT)
    private String attach;

    private final MavenProjectHelper projectHelper;

    @Inject
    public SbomMojo(MavenProjectHelper projectHelper) {
        this.projectHelper = projectHelper;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped("sbom")) {
            return;
        }
        // another build of this module (a second mvn) takes its turn: their files in target/ are the same
        try (ModuleLock held = lockModule()) {
            sbomLocked();
        }
    }

    private void sbomLocked() throws MojoExecutionException, MojoFailureException {
        MavenProjectAdapter adapter = new MavenProjectAdapter(project, session);
        Path context = outputDirectory.toPath();
        Path file = Path.of(project.getBuild().getDirectory()).resolve(SBOM_FILE);
        try {
            RenderResult render = RenderResult.last(workDirectory.toPath(), context)
                    .orElseThrow(() -> new MojoFailureException("No staged build context in "
                            + adapter.relative(context) + ": run image:dockerfile first (it is bound to package,"
                            + " before image:sbom)."));
            DefaultImages.Bases bases = bases(builderImage, runtimeImage, template);
            SbomRequest request = SbomRequests.engineFree(
                    project, session, render, imageName(imageName), ServiceSettings.trimmed(tags), bases, workdir);
            Path dockerfile = context.resolve("Dockerfile");
            Optional<PackageRecord> built = Files.isRegularFile(dockerfile)
                    ? PackageRecord.read(workDirectory.toPath().resolve(PackageRecord.FILE), Sha256.hex(dockerfile))
                    : Optional.empty();
            if (built.isPresent()) { // image:build ran on this Dockerfile: its image's packages and base digest
                request = request.withPackages(built.get().distro(), built.get().packages())
                        .withRuntimeDigest(built.get().base());
            }
            List<SbomLibrary> libraries = request.libraries();
            byte[] bytes = new SbomWriter().write(request);
            Files.createDirectories(file.getParent());
            boolean same = Files.isRegularFile(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes);
            if (!same) {
                Files.write(file, bytes);
            }
            getLog().info((same ? "Up to date: " : "Wrote ") + adapter.relative(file) + " (CycloneDX 1.6, "
                    + count(libraries) + " libraries, " + render.modules().size() + " runtime modules, "
                    + (built.isPresent()
                            ? request.packages().size() + " Debian packages of the built image"
                            : "no Debian packages before image:build")
                    + ")");
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write " + file + ": " + e.getMessage(), e);
        }
        if (flag(attach, "attach")) {
            projectHelper.attachArtifact(project, "json", "cyclonedx", file.toFile());
            getLog().info("Attached " + file.getFileName() + " (classifier cyclonedx)");
        }
    }

    private static int count(List<SbomLibrary> libraries) {
        int n = 0;
        for (SbomLibrary library : libraries) {
            n += 1 + count(library.nested());
        }
        return n;
    }
}
