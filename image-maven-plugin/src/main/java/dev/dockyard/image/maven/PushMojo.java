package dev.dockyard.image.maven;

import static dev.dockyard.image.maven.ImageParameters.*;

import dev.dockyard.image.build.BuiltImage;
import dev.dockyard.image.dockerfile.ImageRef;
import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.push.CredentialLookup;
import dev.dockyard.image.push.ImagePush;
import dev.dockyard.image.push.PushResult;
import dev.dockyard.image.push.ServerCredentials;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

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
public class PushMojo extends AbstractEngineMojo {

    /** The property holding the registry password. */
    static final String PASSWORD_PROPERTY = "image.registryPassword";

    /**
     * Skips {@code image:push} only (the other goals still run).
     *
     * @since 0.2.0
     */
    @Parameter(property = PUSH_SKIP, defaultValue = PUSH_SKIP_DEFAULT)
    private String skipPush;

    /**
     * The {@code <id>} of the {@code settings.xml} {@code <server>} holding the registry's credentials; by default
     * the registry host of {@code image.name} ({@code registry.example.com}, {@code localhost:5000}).
     *
     * @since 0.2.0
     */
    @Parameter(property = REGISTRY_SERVER_ID)
    private String registryServerId;

    /**
     * User name for the registry when neither the Maven settings nor the Docker configuration have credentials
     * for it; the password is the property {@code image.registryPassword} (e.g.
     * {@code -Dimage.registryPassword="$REGISTRY_PASSWORD"}).
     *
     * @since 0.2.0
     */
    @Parameter(property = REGISTRY_USERNAME)
    private String registryUsername;

    /**
     * The name of an environment variable holding the registry password for {@code registryUsername}, e.g.
     * {@code REGISTRY_PASSWORD}: the way to give a password on a CI machine, since nothing Maven prints (with
     * {@code -X}: the command line, system properties, parameters) holds it. Takes precedence over the
     * {@code image.registryPassword} property.
     *
     * @since 0.3.0
     */
    @Parameter(property = REGISTRY_PASSWORD_ENV)
    private String registryPasswordEnv;

    /**
     * A file holding the registry password for {@code registryUsername} (its first line), e.g. a CI secret mounted
     * as a file: the source nothing in a Maven build prints, even with {@code -X} (which prints the environment through
     * maven-resources-plugin). Takes precedence over {@code registryPasswordEnv} and {@code image.registryPassword}.
     *
     * @since 0.3.0
     */
    @Parameter(property = REGISTRY_PASSWORD_FILE)
    private File registryPasswordFile;

    private final SettingsDecrypter decrypter;

    @Inject
    public PushMojo(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (flag(skipPush, "skipPush")) {
            getLog().info("Skipping image:push (image.push.skip=true)");
            return;
        }
        if (skipped("push")) {
            return;
        }
        List<String> references = references();
        String registry = ImageRef.parse(references.get(0)).registry();
        CredentialLookup credentials =
                new CredentialLookup(servers(registry), dockerConfigDirectory(), path(), registryUsername, password());

        try (Engine engine = connect(engineTimeout)) {
            getLog().info("Pushing " + references.stream().collect(Collectors.joining(", ")) + " through the engine"
                    + " at " + engine.address().host());
            PushResult result = new ImagePush(engine, credentials, engineLog()).push(references, registryServerId);
            BuiltImage record = builtImageRecord();
            record.recordPush(result.repoDigest(), result.digest(), result.references());
            getLog().info("Pushed " + result.references().size() + " tag"
                    + (result.references().size() == 1 ? "" : "s") + " to " + result.registry() + ": "
                    + result.repoDigest());
            getLog().info("Wrote " + relative(record.digestFile()) + " and " + relative(record.json()));
        } catch (EngineException e) {
            rethrow(e);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not record the pushed digest: " + e.getMessage(), e);
        }
    }

    /** The settings' server for the registry (or image.registryServerId), its password decrypted. */
    private List<ServerCredentials> servers(String registry) throws MojoFailureException {
        String id = registryServerId == null || registryServerId.isBlank() ? registry : registryServerId.strip();
        List<ServerCredentials> servers = new ArrayList<>();
        for (Server server : session.getSettings().getServers()) {
            if (!id.equals(server.getId())) {
                continue;
            }
            SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            List<String> problems = decrypted.getProblems().stream()
                    .filter(p -> p.getSeverity() != SettingsProblem.Severity.WARNING)
                    // the problem's message names the file and the cause, never the password
                    .map(SettingsProblem::getMessage)
                    .toList();
            if (!problems.isEmpty()) {
                throw new MojoFailureException("Could not decrypt the password of the settings.xml server '" + id
                        + "': " + String.join("; ", problems) + ". Check settings-security.xml (its location can"
                        + " be given with -Dsettings.security=) and that the password was encrypted with its master"
                        + " password (mvn --encrypt-password).");
            }
            Server plain = decrypted.getServer();
            servers.add(new ServerCredentials(plain.getId(), plain.getUsername(), plain.getPassword()));
        }
        return servers;
    }

    /**
     * The environment variable {@code image.registryPasswordEnv} names, else {@code image.registryPassword} from the
     * user, system or project properties (never a parameter: -X prints those).
     */
    private String password() throws MojoFailureException {
        if (registryPasswordFile != null) {
            try {
                String text = Files.readString(registryPasswordFile.toPath(), StandardCharsets.UTF_8);
                String first = text.lines().findFirst().orElse("");
                if (first.isEmpty()) {
                    throw new MojoFailureException("Invalid <registryPasswordFile>/" + REGISTRY_PASSWORD_FILE + ": "
                            + registryPasswordFile + " is empty: its first line must be the password.");
                }
                return first;
            } catch (IOException e) {
                // the reason names the file, never its content
                throw new MojoFailureException("Invalid <registryPasswordFile>/" + REGISTRY_PASSWORD_FILE + ": cannot"
                        + " read " + registryPasswordFile + " (" + e.getClass().getSimpleName() + "): give a readable"
                        + " file whose first line is the password.");
            }
        }
        if (registryPasswordEnv != null && !registryPasswordEnv.isBlank()) {
            String name = registryPasswordEnv.strip();
            // the value is never echoed: a password given here by mistake must not reach the log
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new MojoFailureException("Invalid <registryPasswordEnv>/" + REGISTRY_PASSWORD_ENV + ": it is not"
                        + " the name of an environment variable (letters, digits and '_'): give the variable's name,"
                        + " e.g. REGISTRY_PASSWORD, not its value.");
            }
            String value = System.getenv(name);
            if (value == null || value.isEmpty()) {
                throw new MojoFailureException("The environment variable that " + REGISTRY_PASSWORD_ENV + " names is"
                        + " not set (or empty) for this build: export it (in CI, from the secret store), or remove "
                        + REGISTRY_PASSWORD_ENV + ". (Its name is not shown, in case a password was given instead.)");
            }
            return value;
        }
        String value = session.getUserProperties().getProperty(PASSWORD_PROPERTY);
        if (value == null) {
            value = session.getSystemProperties().getProperty(PASSWORD_PROPERTY);
        }
        if (value == null) {
            value = project.getProperties().getProperty(PASSWORD_PROPERTY);
        }
        return value;
    }

    private static Path dockerConfigDirectory() {
        String configured = System.getenv("DOCKER_CONFIG");
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".docker");
    }

    private static List<Path> path() {
        String path = System.getenv("PATH");
        List<Path> dirs = new ArrayList<>();
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    dirs.add(Path.of(dir));
                }
            }
        }
        return dirs;
    }
}
