package dev.dockyard.image.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineAddress;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.engine.EngineLog;
import dev.dockyard.image.engine.EngineUnreachableException;
import dev.dockyard.image.engine.ImageBuildException;

/** Goals that talk to a Docker engine: connecting, and the image id {@code image:build} leaves behind. */
abstract class AbstractEngineMojo extends AbstractImageMojo {

    /** Name of the file, in the output directory, holding the id of the image built last. */
    static final String IMAGE_ID_FILE = "image-id";

    /** The main reference of the image: {@code <image.name>:<first tag>}. */
    String mainReference() throws MojoFailureException {
        if (tags == null || tags.isEmpty() || tags.get(0).isBlank()) {
            throw new MojoFailureException("image.tags is empty: give the image at least one tag, e.g."
                    + " -Dimage.tags=" + project.getVersion());
        }
        return imageName.strip() + ":" + tags.get(0).strip();
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
            return Engine.connect(EngineAddress.fromEnvironment(), engineLog());
        } catch (EngineException e) {
            // unreachable, or a Docker context that does not exist: the user's setup, not a fault
            throw new MojoFailureException(e.getMessage());
        }
    }

    /** The id {@code image:build} wrote, or the image's main reference when it did not run in this build. */
    String builtImage() throws MojoExecutionException, MojoFailureException {
        Path idFile = imageIdFile();
        if (Files.isRegularFile(idFile)) {
            try {
                return Files.readString(idFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new MojoExecutionException("Could not read " + idFile + ": " + e.getMessage(), e);
            }
        }
        return mainReference();
    }

    Path imageIdFile() {
        return outputDirectory.toPath().resolve(IMAGE_ID_FILE);
    }

    /** Maps an engine fault: build and setup problems fail the build, the rest is an execution error. */
    static void rethrow(EngineException e) throws MojoFailureException, MojoExecutionException {
        if (e instanceof ImageBuildException || e instanceof EngineUnreachableException) {
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
