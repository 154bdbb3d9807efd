package dev.dockyard.image.maven;

import static dev.dockyard.image.maven.ImageParameters.*;

import dev.dockyard.image.assemble.AssembledImage;
import dev.dockyard.image.assemble.PlatformImages;
import dev.dockyard.image.build.BuiltImage;
import dev.dockyard.image.build.TagPolicy;
import dev.dockyard.image.dockerfile.BaseImages;
import dev.dockyard.image.dockerfile.DockerfileSyntaxException;
import dev.dockyard.image.save.ArchiveRequest;
import dev.dockyard.image.save.ArchiveResult;
import dev.dockyard.image.save.ArchiveSource;
import dev.dockyard.image.save.ImageArchive;
import dev.dockyard.image.support.ByteSize;
import dev.dockyard.image.support.UserFixableException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Goals that work on the image this module builds ({@code image:build}, {@code verify}, {@code save},
 * {@code push}): its name and tags, the directory holding its build context, and the record {@code image:build}
 * leaves for the goals after it.
 */
abstract class AbstractEngineMojo extends AbstractImageMojo {

    /**
     * Directory holding the rendered Dockerfile, the staged build context, and the record of the built image
     * ({@code image-id}, {@code image-digest}).
     *
     * @since 0.1.0
     */
    @Parameter(property = OUTPUT_DIRECTORY, defaultValue = OUTPUT_DIRECTORY_DEFAULT)
    protected File outputDirectory;

    /**
     * Directory machine-readable reports ({@code image.json}, verification reports) are written to.
     *
     * @since 0.1.0
     */
    @Parameter(property = REPORTS_DIRECTORY, defaultValue = REPORTS_DIRECTORY_DEFAULT)
    protected File reportsDirectory;

    /**
     * Image repository name, optionally with a registry prefix, e.g. {@code registry.example.com/shop/orders}.
     * Lower-case letters, digits, {@code .}, {@code _}, {@code -} and {@code /} only.
     *
     * @since 0.1.0
     */
    @Parameter(property = NAME, defaultValue = NAME_DEFAULT)
    protected String imageName;

    /**
     * Tags given to the built image. On the command line, a comma-separated list: {@code -Dimage.tags=1.2.0,latest}.
     *
     * @since 0.1.0
     */
    @Parameter(property = TAGS, defaultValue = TAGS_DEFAULT)
    protected List<String> tags;

    /**
     * Which tags the image gets: {@code version} (the tags of {@code image.tags}) or {@code semver} ({@code 1.4.2}
     * gives {@code 1.4.2}, {@code 1.4}, {@code 1} and {@code latest}; a {@code -SNAPSHOT} or other pre-release only
     * its version), then the other {@code image.tags}, then the git commit's short id.
     *
     * @since 0.2.0
     */
    @Parameter(property = TAG_POLICY, defaultValue = TAG_POLICY_DEFAULT)
    protected String tagPolicy;

    /**
     * Add ({@code true}) or suppress ({@code false}) the tag {@code latest}; unset, the tag policy decides
     * ({@code semver} tags releases {@code latest}, {@code version} does not).
     *
     * @since 0.2.0
     */
    @Parameter(property = LATEST)
    protected Boolean latest;

    /**
     * Also tag the image with the short id (7 characters) of the git commit checked out, when the project is in a
     * git work tree.
     *
     * @since 0.1.0
     */
    @Parameter(property = GIT_TAG, defaultValue = GIT_TAG_DEFAULT)
    protected String gitTag;

    /**
     * How long the Docker engine may stay silent during one request (a build step with no output, a large push)
     * before the goal fails naming the engine's address; the first answer is awaited for at most 30s (or this,
     * when shorter). A duration: {@code 90s}, {@code 10m}, {@code 1h}.
     *
     * @since 0.3.0
     */
    @Parameter(property = ENGINE_TIMEOUT, defaultValue = ENGINE_TIMEOUT_DEFAULT)
    protected String engineTimeout;

    /** The main reference of the image: {@code <image.name>:<first tag>}. */
    String mainReference() throws MojoFailureException {
        return references().get(0);
    }

    /** {@code <image.name>:<tag>} for every tag of the tag policy, the main one first. */
    List<String> references() throws MojoFailureException {
        TagPolicy policy;
        List<String> computed;
        try {
            policy = TagPolicy.parse(tagPolicy);
            String revision = flag(gitTag, "gitTag")
                    ? new MavenProjectAdapter(project, session).gitRevision().orElse(null)
                    : null;
            computed = policy.tags(project.getVersion(), tags == null ? List.of() : tags, revision, latest);
        } catch (UserFixableException e) {
            throw failure(e.in("tagPolicy"));
        }
        if (computed.isEmpty()
                || (tags == null || tags.isEmpty() || tags.get(0).isBlank()) && policy == TagPolicy.VERSION) {
            throw new MojoFailureException("image.tags is empty: give the image at least one tag, e.g."
                    + " -Dimage.tags=" + project.getVersion());
        }
        String name = imageName(imageName).strip();
        return computed.stream().map(tag -> name + ":" + tag).toList();
    }

    /** The {@code image.buildArgs} entries as a map. */
    Map<String, String> buildArgs(List<String> entries) throws MojoFailureException {
        try {
            return ServiceSettings.buildArgs(entries);
        } catch (UserFixableException e) {
            throw failure(e);
        }
    }

    /** The id {@code image:build} wrote, or the image's main reference when it did not run in this build. */
    String builtImage() throws MojoExecutionException, MojoFailureException {
        BuiltImage record = builtImageRecord();
        try {
            return record.id().orElse(mainReference());
        } catch (IOException e) {
            throw new MojoExecutionException("Could not read " + record.idFile() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A list of platforms ({@code image.platforms}, {@code image.verifyPlatforms}), checked: empty when blank, else
     * every platform a Linux {@code os/architecture[/variant]}, named once.
     */
    List<String> platforms(String value, String parameter, String property) throws MojoFailureException {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        String invalid = "Invalid <" + parameter + ">/" + property + ": ";
        List<String> named = new java.util.ArrayList<>();
        for (String part : value.split(",")) {
            String platform = part.strip().toLowerCase(java.util.Locale.ROOT);
            if (!platform.matches("[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?")) {
                throw new MojoFailureException(invalid + "'" + part.strip() + "' is not a platform: name each as"
                        + " os/architecture[/variant], comma-separated, e.g. " + property
                        + "=linux/amd64,linux/arm64.");
            }
            if (!platform.startsWith("linux/")) {
                throw new MojoFailureException(invalid + platform + " is not a Linux platform, and the runtime"
                        + " Dockyard links is a Linux one: name linux/<architecture>.");
            }
            if (named.contains(platform)) {
                throw new MojoFailureException(invalid + platform + " is named twice in '" + value.strip() + "'.");
            }
            named.add(platform);
        }
        return named;
    }

    /**
     * The images of each platform image:build made last ({@code image.platforms}), when the image it recorded is
     * one of them; empty after a single-platform build.
     */
    Optional<PlatformImages> platformImages(Path workDirectory) throws MojoExecutionException {
        try {
            Optional<String> built = builtImageRecord().id();
            return PlatformImages.read(workDirectory)
                    .filter(p -> built.isPresent()
                            && p.images().values().stream().anyMatch(i -> i.id().equals(built.get())));
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Could not read the images of each platform in " + workDirectory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Saves the images of each platform image:build made last ({@code image.platforms}) as one OCI layout, without
     * the engine; empty after a single-platform build.
     */
    Optional<ArchiveResult> savePlatforms(ArchiveRequest request, Path workDirectory)
            throws MojoExecutionException, MojoFailureException, IOException {
        Optional<PlatformImages> images = platformImages(workDirectory);
        if (images.isEmpty()) {
            return Optional.empty();
        }
        String built = builtImage();
        String main = images.get().images().entrySet().stream()
                .filter(e -> e.getValue().id().equals(built))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
        getLog().info("Saving the images of "
                + String.join(", ", images.get().images().keySet())
                + " image:build made, as one OCI image layout, without the engine");
        try {
            return Optional.of(ImageArchive.savePlatforms(images.get(), main, request));
        } catch (UserFixableException e) {
            throw failure(e);
        }
    }

    /** The files that record the image this module built: id, digest, {@code image.json}. */
    BuiltImage builtImageRecord() {
        return BuiltImage.in(outputDirectory.toPath(), reportsDirectory.toPath());
    }

    /** The base images of the Dockerfile image:dockerfile wrote, for an archive's metadata. */
    protected List<String> baseImages(List<String> buildArgs) throws MojoExecutionException, MojoFailureException {
        Path dockerfile = outputDirectory.toPath().resolve("Dockerfile");
        try {
            return BaseImages.ofFile(dockerfile, buildArgs(buildArgs));
        } catch (IOException e) {
            throw new MojoExecutionException("Could not read " + dockerfile + ": " + e.getMessage(), e);
        } catch (DockerfileSyntaxException e) {
            throw failure(e);
        }
    }

    /** Whether {@code image.archiveFormat} asks for an OCI image layout. */
    protected boolean oci(String archiveFormat) throws MojoFailureException {
        String value = oneOf(
                archiveFormat,
                "archiveFormat",
                "an archive format",
                "docker: docker save's format",
                "oci: an OCI image layout");
        return value.equals("oci");
    }

    /**
     * The image image:build assembled, as the source of an archive, when it is the image built and Dockyard wrote
     * every layer of it (no engine needed); empty otherwise.
     */
    protected Optional<ArchiveSource> assembledSource(Path workDirectory) throws MojoExecutionException {
        try {
            Optional<AssembledImage> image = AssembledImage.read(workDirectory);
            Optional<String> built = builtImageRecord().id();
            if (image.isEmpty()
                    || built.isEmpty()
                    || !built.get().equals(image.get().id())
                    || !image.get().whole()) {
                return Optional.empty();
            }
            return Optional.of(ArchiveSource.of(image.get(), references(), null));
        } catch (IOException | MojoFailureException e) {
            throw new MojoExecutionException(
                    "Could not read the assembled image in " + workDirectory + ": " + e.getMessage(), e);
        }
    }

    /** The lines saying what an archive holds and what was written beside it. */
    protected void logSaved(ArchiveResult result) {
        MavenProjectAdapter adapter = new MavenProjectAdapter(project, session);
        getLog().info("Saved image " + result.image().shortId() + " to " + adapter.relative(result.archive()) + " ("
                + ByteSize.format(result.bytes()) + ", sha256 " + result.sha256() + ")");
        getLog().info("Wrote " + adapter.relative(result.checksum())
                + (result.latest() == null ? "" : ", " + adapter.relative(result.latest())) + " and "
                + adapter.relative(result.metadata()));
    }
}
