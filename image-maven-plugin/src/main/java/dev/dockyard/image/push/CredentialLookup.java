package dev.dockyard.image.push;

import static dev.dockyard.image.support.CoreException.mention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockyard.image.engine.RegistryCredentials;
import dev.dockyard.image.engine.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the credentials for a registry; the first source that has them wins:
 * <ol>
 * <li>the Maven settings' {@code <server>} whose {@code <id>} is the configured server id, else the registry host;
 * <li>the Docker configuration ({@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}): the
 * registry's {@code credHelpers} entry, else the {@code credsStore}, else its {@code auths} entry; helpers are run
 * as {@code docker-credential-<name> get};
 * <li>the user name and password given as properties.
 * </ol>
 * No secret is ever put into a message.
 */
public final class CredentialLookup {

    /** The key Docker files credentials for Docker Hub under. */
    static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";

    private static final long HELPER_TIMEOUT_SECONDS = 30;

    private final List<ServerCredentials> servers;
    private final Path dockerConfigDirectory;
    private final List<Path> path;
    private final String propertyUsername;
    private final String propertyPassword;

    /**
     * @param servers               the settings' servers, passwords decrypted
     * @param dockerConfigDirectory where {@code config.json} is ({@code $DOCKER_CONFIG} or {@code ~/.docker})
     * @param path                  directories searched for {@code docker-credential-*} helpers
     * @param propertyUsername      {@code image.registryUsername}, or {@code null}
     * @param propertyPassword      {@code image.registryPassword}, or {@code null}
     */
    public CredentialLookup(
            List<ServerCredentials> servers,
            Path dockerConfigDirectory,
            List<Path> path,
            String propertyUsername,
            String propertyPassword) {
        this.servers = List.copyOf(servers);
        this.dockerConfigDirectory = dockerConfigDirectory;
        this.path = List.copyOf(path);
        this.propertyUsername = propertyUsername;
        this.propertyPassword = propertyPassword;
    }

    /**
     * @param registry the registry host of the image, e.g. {@code localhost:5000} ({@code docker.io} for Docker Hub)
     * @param serverId {@code image.registryServerId}, or {@code null} to look the server up by the registry host
     * @return the credentials, empty when no source has any (the push is then anonymous)
     * @throws RegistryException a configured server id that is not in the settings, an unreadable Docker
     *                           configuration, a credential helper that is missing or fails
     */
    public Optional<RegistryCredentials> find(String registry, String serverId) throws RegistryException {
        Optional<RegistryCredentials> found = fromSettings(registry, serverId);
        if (found.isEmpty()) {
            found = fromDockerConfig(registry);
        }
        if (found.isEmpty() && present(propertyUsername) && propertyPassword != null) {
            found = Optional.of(new RegistryCredentials(
                    propertyUsername,
                    propertyPassword,
                    false,
                    mention("registryUsername") + "/" + mention("registryPassword")));
        }
        return found;
    }

    private Optional<RegistryCredentials> fromSettings(String registry, String serverId) throws RegistryException {
        String id = present(serverId) ? serverId.strip() : registry;
        for (ServerCredentials server : servers) {
            if (id.equals(server.id()) && (present(server.username()) || present(server.password()))) {
                return Optional.of(new RegistryCredentials(
                        server.username(), server.password(), false, "settings.xml server '" + id + "'"));
            }
        }
        if (present(serverId)) {
            throw new RegistryException(
                    mention("registryServerId") + " '" + serverId.strip() + "' names no <server> with"
                            + " credentials in the Maven settings: add <server><id>" + serverId.strip()
                            + "</id><username>...</username><password>...</password></server> to settings.xml, or"
                            + " remove " + mention("registryServerId") + " to use the server named after the registry ("
                            + registry
                            + ").");
        }
        return Optional.empty();
    }

    private Optional<RegistryCredentials> fromDockerConfig(String registry) throws RegistryException {
        Path file = dockerConfigDirectory.resolve("config.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode config;
        try {
            config = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RegistryException("Could not read the Docker configuration " + file + ": "
                    + firstLine(e.getMessage()) + ". Fix the file or move it away (DOCKER_CONFIG).");
        }
        String helper = entry(config.path("credHelpers"), registry)
                .map(JsonNode::asText)
                .orElse(null);
        if (present(helper)) {
            return runHelper(helper, registry, file + " credHelpers");
        }
        String store = config.path("credsStore").asText("");
        if (!store.isBlank()) {
            Optional<RegistryCredentials> stored = runHelper(store, registry, file + " credsStore");
            if (stored.isPresent()) {
                return stored;
            }
        }
        Optional<JsonNode> auth = entry(config.path("auths"), registry);
        if (auth.isPresent()) {
            return fromAuthEntry(auth.get(), registry, file);
        }
        return Optional.empty();
    }

    private static Optional<RegistryCredentials> fromAuthEntry(JsonNode entry, String registry, Path file)
            throws RegistryException {
        String source = file + " auths '" + registry + "'";
        String token = entry.path("identitytoken").asText("");
        if (!token.isBlank()) {
            return Optional.of(new RegistryCredentials(RegistryCredentials.TOKEN_USER, token, true, source));
        }
        String auth = entry.path("auth").asText("");
        if (!auth.isBlank()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new RegistryException("The auths entry for " + registry + " in " + file + " is not base64"
                        + " of user:password: log in again (docker login " + registry + ").");
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw new RegistryException("The auths entry for " + registry + " in " + file + " is not base64"
                        + " of user:password: log in again (docker login " + registry + ").");
            }
            return Optional.of(
                    new RegistryCredentials(decoded.substring(0, colon), decoded.substring(colon + 1), false, source));
        }
        String user = entry.path("username").asText("");
        if (!user.isBlank()) {
            return Optional.of(
                    new RegistryCredentials(user, entry.path("password").asText(""), false, source));
        }
        return Optional.empty();
    }

    /**
     * Runs {@code docker-credential-<helper> get} with the server on its input, as the Docker CLI does. A helper
     * that has nothing for the server answers "credentials not found": empty.
     */
    private Optional<RegistryCredentials> runHelper(String helper, String registry, String configuredIn)
            throws RegistryException {
        String program = "docker-credential-" + helper.strip();
        Path executable = path.stream()
                .map(dir -> dir.resolve(program))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new RegistryException("The credential helper '" + helper + "' (" + configuredIn
                        + ") is not installed: " + program + " is not on the PATH. Install it, or remove it from"
                        + " the Docker configuration."));
        String server = DOCKER_HUB_REGISTRIES.contains(registry) ? DOCKER_HUB_KEY : registry;
        String source = "credential helper " + program;
        Process process;
        try {
            process = new ProcessBuilder(executable.toString(), "get")
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new RegistryException(
                    "Could not run the credential helper " + executable + ": " + firstLine(e.getMessage()));
        }
        try (OutputStream in = process.getOutputStream()) {
            in.write(server.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the helper may exit without reading: its status says what happened
        }
        try (InputStream out = process.getInputStream()) {
            byte[] answer = out.readNBytes(1 << 20);
            if (!process.waitFor(HELPER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new RegistryException("The credential helper " + program + " did not answer within "
                        + HELPER_TIMEOUT_SECONDS + "s for " + registry + ": check that it can reach its store"
                        + " (a locked keychain waits for a password).");
            }
            String text = new String(answer, StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                if (text.toLowerCase(Locale.ROOT).contains("credentials not found")) {
                    return Optional.empty();
                }
                // a failing helper prints an error message, never credentials
                throw new RegistryException("The credential helper " + program + " failed for " + registry
                        + " (exit status " + process.exitValue() + "): " + firstLine(text)
                        + ". Check the helper's store (docker login " + registry + ").");
            }
            JsonNode json;
            try {
                json = new ObjectMapper().readTree(text);
            } catch (IOException e) {
                throw new RegistryException("The credential helper " + program + " answered something other than"
                        + " JSON for " + registry + ": check that " + executable + " is a Docker credential helper.");
            }
            String user = json.path("Username").asText("");
            String secret = json.path("Secret").asText("");
            if (secret.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(
                    new RegistryCredentials(user, secret, RegistryCredentials.TOKEN_USER.equals(user), source));
        } catch (IOException e) {
            throw new RegistryException(
                    "Could not read the answer of the credential helper " + program + ": " + firstLine(e.getMessage()));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new RegistryException("Interrupted while running the credential helper " + program);
        }
    }

    private static final List<String> DOCKER_HUB_REGISTRIES =
            List.of("docker.io", "index.docker.io", "registry-1.docker.io");

    /** The entry of {@code map} for {@code registry}: keys may carry a scheme and a path, as docker login writes them. */
    static Optional<JsonNode> entry(JsonNode map, String registry) {
        if (!map.isObject()) {
            return Optional.empty();
        }
        var fields = map.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            String host = hostOf(field.getKey());
            if (host.equals(registry)
                    || (DOCKER_HUB_REGISTRIES.contains(host) && DOCKER_HUB_REGISTRIES.contains(registry))) {
                return Optional.of(field.getValue());
            }
        }
        return Optional.empty();
    }

    /** {@code https://registry.example.com/v1/} → {@code registry.example.com}. */
    static String hostOf(String key) {
        String host = key.strip();
        int scheme = host.indexOf("://");
        if (scheme >= 0) {
            host = host.substring(scheme + 3);
        }
        int slash = host.indexOf('/');
        if (slash >= 0) {
            host = host.substring(0, slash);
        }
        return host.toLowerCase(Locale.ROOT);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }
}
