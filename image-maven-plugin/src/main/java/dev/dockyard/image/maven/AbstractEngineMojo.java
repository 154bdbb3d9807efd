package dev.dockyard.image.maven;

import dev.dockyard.image.build.BuiltImage;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import dev.dockyard.image.archive.ArchiveNames;
import dev.dockyard.image.engine.DockerEngine;
import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineAddress;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.engine.EngineLog;
import dev.dockyard.image.engine.EngineUnreachableException;
import dev.dockyard.image.engine.ImageBuildException;
import dev.dockyard.image.engine.RegistryException;
import dev.dockyard.image.build.TagPolicy;
import dev.dockyard.image.settings.ServiceSettings;

/** Goals that talk to a Docker engine: connecting, and the image id {@code image:build} leaves behind. */
abstract class AbstractEngineMojo extends AbstractImageMojo {

    /**
     * Which tags the image gets: {@code version} (the tags of {@code image.tags}) or {@code semver} ({@code 1.4.2}
     * gives {@code 1.4.2}, {@code 1.4}, {@code 1} and {@code latest}; a {@code -SNAPSHOT} or other pre-release only
     * its version), then the other {@code image.tags}, then the git commit's short id.
     *
     * @since 0.2.0
     */
    @Parameter(property = "image.tagPolicy", defaultValue = "version")
    protected String tagPolicy;

    /**
     * Add ({@code true}) or suppress ({@code false}) the tag {@code latest}; unset, the tag policy decides
     * ({@code semver} tags releases {@code latest}, {@code version} does not).
     *
     * @since 0.2.0
     */
    @Parameter(property = "image.latest")
    protected Boolean latest;

    /**
     * Also tag the image with the short id (7 characters) of the git commit checked out, when the project is in a
     * git work tree.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.gitTag", defaultValue = "true")
    protected boolean gitTag;

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
            String revision = gitTag ? new MavenProjectAdapter(project, session).gitRevision().orElse(null) : null;
            computed = policy.tags(project.getVersion(), tags == null ? List.of() : tags, revision, latest);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("image.tagPolicy: " + e.getMessage());
        }
        if (computed.isEmpty() || (tags == null || tags.isEmpty() || tags.get(0).isBlank())
                && policy == TagPolicy.VERSION) {
            throw new MojoFailureException("image.tags is empty: give the image at least one tag, e.g."
                    + " -Dimage.tags=" + project.getVersion());
        }
        return computed.stream().map(tag -> imageName.strip() + ":" + tag).toList();
    }

    /** The {@code image.buildArgs} entries as a map. */
    static Map<String, String> buildArgs(List<String> entries) throws MojoFailureException {
        try {
            return ServiceSettings.buildArgs(entries);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }

    EngineLog engineLog() {
        return new MavenEngineLog(getLog());
    }

    /**
     * Connects to the engine found through DOCKER_HOST, the Docker context or the default socket.
     *
     * @throws MojoFailureException when none answers: the message names the address and the ways out
     */
    Engine connect() throws MojoFailureException, MojoExecutionException {
        try {
            return DockerEngine.connect(EngineAddress.fromEnvironment(), engineLog());
        } catch (EngineException e) {
            // unreachable, or a Docker context that does not exist: the user's setup, not a fault
            throw new MojoFailureException(e.getMessage());
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

    /** Where image:save writes the archive by default: {@code target/<image-name>-<version>.tar.gz}. */
    Path savedArchive() {
        return Path.of(project.getBuild().getDirectory())
                .resolve(ArchiveNames.archive(imageName, project.getVersion()));
    }

    /** The files that record the image this module built: id, digest, {@code image.json}. */
    BuiltImage builtImageRecord() {
        return BuiltImage.in(outputDirectory.toPath(), reportsDirectory.toPath());
    }

    /** Maps an engine fault: build and setup problems fail the build, the rest is an execution error. */
    static void rethrow(EngineException e) throws MojoFailureException, MojoExecutionException {
        if (e instanceof ImageBuildException || e instanceof EngineUnreachableException
                || e instanceof RegistryException) {
            throw new MojoFailureException(e.getMessage());
        }
        throw new MojoExecutionException(e.getMessage(), e);
    }

    String relative(File file) {
        return project.getBasedir().toPath().relativize(file.toPath()).toString();
    }

    String relative(Path path) {
        return project.getBasedir().toPath().relativize(path).toString();
    }
}
