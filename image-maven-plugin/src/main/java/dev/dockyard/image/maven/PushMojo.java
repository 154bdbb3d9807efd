package dev.dockyard.image.maven;

import static dev.dockyard.image.maven.ImageParameters.*;

import dev.dockyard.image.assemble.AssembledImage;
import dev.dockyard.image.assemble.PlatformImages;
import dev.dockyard.image.dockerfile.ImageRef;
import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.push.CredentialLookup;
import dev.dockyard.image.push.ImagePush;
import dev.dockyard.image.push.PushResult;
import dev.dockyard.image.push.RegistryPush;
import dev.dockyard.image.support.ModuleLock;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Pushes every tag of the module's image (as {@code image:build} tagged it) to the registry its name starts with,
 * e.g. {@code registry.example.com/shop/orders}, and records the pushed digest in
 * {@code target/image-reports/image.json} ({@code repoDigest}) and {@code target/docker/image-digest}.
 * <p>
 * Credentials, first match wins (the log names the source, never the secret): the {@code settings.xml}
 * {@code <server>} whose {@code <id>} is {@code image.registryServerId}, else the registry host (passwords
 * encrypted with Maven's settings-security are decrypted); the Docker configuration ({@code $DOCKER_CONFIG} or
 * {@code ~/.docker/config.json}: {@code credHelpers}, {@code credsStore}, {@code auths}); the properties
 * {@code image.registryUsername} and {@code image.registryPassword}. The password property is read from the user,
 * system and project properties only (never a mojo parameter, so that {@code -X} cannot print it).
 *
 * @since 0.2.0
 */
@Mojo(name = "push", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class PushMojo extends AbstractRegistryMojo {

    /**
     * Skips {@code image:push} only (the other goals still run).
     *
     * @since 0.2.0
     */
    @Parameter(property = PUSH_SKIP, defaultValue = PUSH_SKIP_DEFAULT)
    private String skipPush;

    /**
     * How the image goes to the registry: {@code registry} (Dockyard's registry client sends the layers the
     * registry lacks, no engine needed), {@code engine} (the Docker engine pushes its copy), or {@code auto}:
     * {@code registry} when {@code image:build} assembled the image (its layers are in {@code image.workDirectory}),
     * else {@code engine}.
     *
     * @since 0.4.0
     */
    @Parameter(property = PUSH_VIA, defaultValue = PUSH_VIA_DEFAULT)
    private String pushVia;

    /**
     * The directory {@code image:build} assembled the image in; {@code image:push} keeps the compressed layers
     * there.
     *
     * @since 0.4.0
     */
    @Parameter(property = WORK_DIRECTORY, defaultValue = WORK_DIRECTORY_DEFAULT)
    private File workDirectory;

    @Inject
    public PushMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    /**
     * Where image:build put the image ({@code image.buildTo}): with {@code registry}, image:build pushed every tag,
     * and image:push has nothing left to do.
     *
     * @since 0.5.0
     */
    @Parameter(property = BUILD_TO, defaultValue = BUILD_TO_DEFAULT)
    private String buildTo;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (flag(skipPush, "skipPush")) {
            getLog().info("Skipping image:push (image.push.skip=true)");
            return;
        }
        if (skipped("push")) {
            return;
        }
        if (buildTo != null && buildTo.strip().equals("registry")) {
            getLog().info("Skipping image:push: image:build pushed the image (" + BUILD_TO + "=registry)");
            return;
        }
        // another build of this module (a second mvn) takes its turn: their files in target/ are the same
        try (ModuleLock held = lockModule()) {
            pushLocked();
        }
    }

    private void pushLocked() throws MojoExecutionException, MojoFailureException {
        List<String> references = references();
        String registry = ImageRef.parse(references.get(0)).registry();
        CredentialLookup credentials = credentials(registry);

        Optional<PlatformImages> platforms = platformImages(workDirectory.toPath());
        if (platforms.isPresent()) {
            if (pushVia.strip().equals("engine")) {
                throw new MojoFailureException("Invalid <pushVia>/" + PUSH_VIA + ": image:build built an image for"
                        + " each of "
                        + String.join(", ", platforms.get().images().keySet()) + " (image.platforms),"
                        + " and their index is pushed by Dockyard's registry client only: set " + PUSH_VIA
                        + "=auto or registry.");
            }
            try {
                recordPush(registryPush()
                        .pushIndex(platforms.get(), references, registryServerId(), workDirectory.toPath()));
                return;
            } catch (EngineException e) {
                rethrow(e);
            } catch (IOException e) {
                throw new MojoExecutionException("Could not push the images of each platform: " + e.getMessage(), e);
            }
        }
        Optional<AssembledImage> assembled = assembled();
        if (assembled.isPresent()) {
            try {
                PushResult result =
                        registryPush().push(assembled.get(), references, registryServerId(), workDirectory.toPath());
                recordPush(result);
                return;
            } catch (RegistryPush.BaseNotInRegistry e) {
                if (!pushVia.strip().equals("auto")) {
                    throw new MojoFailureException(text(e.markedMessage()) + ": only the engine has its layers; set "
                            + PUSH_VIA + "=engine (or auto).");
                }
                getLog().info(text(e.markedMessage()) + ": the engine pushes the image (" + PUSH_VIA + "=auto)");
            } catch (EngineException e) {
                rethrow(e);
            } catch (IOException e) {
                throw new MojoExecutionException("Could not push the assembled image: " + e.getMessage(), e);
            }
        }
        try (Engine engine = connect(engineTimeout)) {
            getLog().info("Pushing " + references.stream().collect(Collectors.joining(", ")) + " through the engine"
                    + " at " + engine.address().host());
            recordPush(new ImagePush(engine, credentials, engineLog()).push(references, registryServerId()));
        } catch (EngineException e) {
            rethrow(e);
        }
    }

    /**
     * The image {@code image:build} assembled, when the push goes through the registry client: with
     * {@code image.pushVia=auto}, when the assembled image is the one built; with {@code registry}, it must be.
     */
    private Optional<AssembledImage> assembled() throws MojoFailureException, MojoExecutionException {
        String via = oneOf(
                pushVia,
                "pushVia",
                "a way to push",
                "auto: registry when image:build assembled the image, else engine",
                "registry: Dockyard's registry client, no engine",
                "engine: the Docker engine pushes");
        if (via.equals("engine")) {
            return Optional.empty();
        }
        Optional<AssembledImage> image;
        Optional<String> built;
        try {
            image = AssembledImage.read(workDirectory.toPath());
            built = builtImageRecord().id();
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Could not read the assembled image in " + workDirectory + ": " + e.getMessage(), e);
        }
        Optional<AssembledImage> current =
                image.filter(i -> built.isPresent() && built.get().equals(i.id()));
        if (current.isEmpty() && via.equals("registry")) {
            throw new MojoFailureException("Invalid <pushVia>/" + PUSH_VIA + ": registry pushes an image"
                    + " image:build assembled, and "
                    + (built.isEmpty()
                            ? "image:build did not run for this module"
                            : "the engine built this image (image.assembler=engine, or its final stage holds what"
                                    + " the assembler does not take; image:build said why)")
                    + ": run image:build with image.assembler=auto in the same build, or set " + PUSH_VIA
                    + "=engine.");
        }
        if (current.isEmpty()) {
            getLog().debug("image:push goes through the engine: the image in " + workDirectory
                    + " is not the assembled one");
        }
        return current;
    }
}
