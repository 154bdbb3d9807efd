package dev.dockyard.image.maven;

import static dev.dockyard.image.maven.ImageParameters.*;

import dev.dockyard.image.build.BuiltImage;
import dev.dockyard.image.dockerfile.ImageRef;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.engine.RegistryException;
import dev.dockyard.image.push.CredentialLookup;
import dev.dockyard.image.push.PushResult;
import dev.dockyard.image.push.RegistryPush;
import dev.dockyard.image.push.ServerCredentials;
import dev.dockyard.image.registry.RegistryConnection;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * The goals that speak to registries with Dockyard's registry client ({@code image:push}, and {@code image:build}
 * when it reads the builder image or pushes): where the credentials come from, how the client connects.
 */
abstract class AbstractRegistryMojo extends AbstractEngineMojo {

    /** The property holding the registry password. */
    static final String PASSWORD_PROPERTY = "image.registryPassword";

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

    /**
     * A PEM file of CA certificates the registry client trusts besides the JVM's trust store, for a registry whose
     * certificate a private CA signed.
     *
     * @since 0.4.0
     */
    @Parameter(property = REGISTRY_CA_FILE)
    private File registryCaFile;

    /**
     * Registries ({@code host} or {@code host:port}) the registry client may reach over plain HTTP when they do not
     * speak TLS; {@code localhost} and {@code 127.0.0.1} always may. On the command line, comma-separated.
     *
     * @since 0.4.0
     */
    @Parameter(property = INSECURE_REGISTRIES)
    private List<String> insecureRegistries;

    /**
     * How long the registry client waits to connect and for the answer to one request (a blob is sent in chunks of
     * 16 MB, so this bounds one chunk), before the push fails naming the registry. A duration: {@code 30s},
     * {@code 2m}. Separate from {@code image.engineTimeout}, whose default allows for build steps that run silent for
     * minutes: a registry that does not answer for that long is down.
     *
     * @since 0.4.0
     */
    @Parameter(property = REGISTRY_TIMEOUT, defaultValue = REGISTRY_TIMEOUT_DEFAULT)
    private String registryTimeout;

    private final SettingsDecrypter decrypter;

    protected AbstractRegistryMojo(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    /** The credential chain for {@code registry}: settings.xml, the Docker configuration, the properties. */
    protected CredentialLookup credentials(String registry) throws MojoFailureException {
        String id = registryServerId == null || registryServerId.isBlank() ? registry : registryServerId.strip();
        return new CredentialLookup(servers(id), dockerConfigDirectory(), path(), registryUsername, password());
    }

    /**
     * The credentials for reading an image (a builder or base image) from {@code registry}: those of the image's
     * own registry when it is that one; for another registry only the settings.xml server named after it and the
     * Docker configuration, never {@code image.registryServerId}'s server or the password properties, which are
     * for the registry of {@code image.name}.
     */
    protected RegistryPush.ReadCredentials readCredentials() throws MojoFailureException {
        String target = ImageRef.parse(references().get(0)).registry();
        CredentialLookup own = credentials(target);
        return registry -> {
            if (registry.equals(target)) {
                return own.find(registry, registryServerId);
            }
            try {
                return new CredentialLookup(servers(registry), dockerConfigDirectory(), path(), null, null)
                        .find(registry, null);
            } catch (MojoFailureException e) {
                throw new RegistryException(e.getMessage());
            }
        };
    }

    /**
     * The registry client's push to the registry of {@code image.name}: its credential chain, the read credentials
     * of a base image's registry, the connection settings.
     */
    protected RegistryPush registryPush() throws MojoFailureException, MojoExecutionException {
        String target = ImageRef.parse(references().get(0)).registry();
        return new RegistryPush(credentials(target), readCredentials(), registryConnection(), engineLog());
    }

    /** The {@code <server>} id given by {@code image.registryServerId}, or {@code null}. */
    protected String registryServerId() {
        return registryServerId;
    }

    /** How the registry client connects: trust, plain-HTTP registries, timeout. */
    protected RegistryConnection registryConnection() throws MojoFailureException, MojoExecutionException {
        List<String> problems = new ArrayList<>();
        java.time.Duration timeout = duration("registryTimeout", registryTimeout, problems);
        failOn(problems);
        try {
            return RegistryConnection.of(
                    registryCaFile == null ? null : registryCaFile.toPath(),
                    insecureRegistries == null ? List.of() : insecureRegistries,
                    timeout.isZero() ? java.time.Duration.ofMinutes(2) : timeout);
        } catch (EngineException e) {
            rethrow(e);
            throw new IllegalStateException(e);
        }
    }

    /** The settings' server for the registry (or image.registryServerId), its password decrypted. */
    /** The settings' servers of {@code id}, passwords decrypted. */
    private List<ServerCredentials> servers(String id) throws MojoFailureException {
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
    /** Records the pushed digest, as both ways do. */
    protected void recordPush(PushResult result) throws MojoExecutionException {
        BuiltImage record = builtImageRecord();
        try {
            record.recordPush(result.repoDigest(), result.digest(), result.references());
        } catch (IOException e) {
            throw new MojoExecutionException("Could not record the pushed digest: " + e.getMessage(), e);
        }
        getLog().info("Pushed " + result.references().size() + " tag"
                + (result.references().size() == 1 ? "" : "s") + " to " + result.registry() + ": "
                + result.repoDigest());
        getLog().info("Wrote " + relative(record.digestFile()) + " and " + relative(record.json()));
    }
}
