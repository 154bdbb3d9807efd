package dev.dockyard.image.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockyard.image.support.Sha256;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the Docker engine is, found the way the Docker CLI finds it: {@code DOCKER_HOST} (with
 * {@code DOCKER_TLS_VERIFY} / {@code DOCKER_CERT_PATH}), else {@code DOCKER_CONTEXT} or the current context of
 * {@code ~/.docker/config.json} ({@code DOCKER_CONFIG} moves that directory), else the default socket.
 *
 * @param host      the engine's address, {@code unix:///path} or {@code tcp://host:port}
 * @param tlsVerify whether to talk TLS and verify the engine's certificate
 * @param certPath  directory with {@code ca.pem}, {@code cert.pem}, {@code key.pem}; {@code null} without TLS
 * @param source    where the address came from, for messages (e.g. {@code DOCKER_HOST}, {@code Docker context 'x'})
 */
public record EngineAddress(String host, boolean tlsVerify, Path certPath, String source) {

    /** The engine's socket when nothing else is configured. */
    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    /** Resolves the address from this process's environment and the user's Docker configuration. */
    public static EngineAddress fromEnvironment() throws EngineException {
        return resolve(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * Resolves the address from the given environment and home directory.
     *
     * @throws EngineException when the configured context cannot be read
     */
    public static EngineAddress resolve(Map<String, String> env, Path home) throws EngineException {
        boolean tls = isTrue(env.get("DOCKER_TLS_VERIFY"));
        Path dockerConfig = present(env.get("DOCKER_CONFIG")).map(Path::of).orElse(home.resolve(".docker"));
        Optional<String> dockerHost = present(env.get("DOCKER_HOST"));
        if (dockerHost.isPresent()) {
            Path certs =
                    tls ? present(env.get("DOCKER_CERT_PATH")).map(Path::of).orElse(dockerConfig) : null;
            return new EngineAddress(dockerHost.get().strip(), tls, certs, "DOCKER_HOST");
        }
        Optional<String> context = present(env.get("DOCKER_CONTEXT"));
        String contextSource = "DOCKER_CONTEXT";
        if (context.isEmpty()) {
            context = currentContext(dockerConfig);
            contextSource = "the current Docker context of " + dockerConfig.resolve("config.json");
        }
        if (context.isPresent() && !"default".equals(context.get())) {
            return fromContext(dockerConfig, context.get(), contextSource);
        }
        return new EngineAddress(DEFAULT_HOST, false, null, "the default socket");
    }

    private static Optional<String> currentContext(Path dockerConfig) throws EngineException {
        Path config = dockerConfig.resolve("config.json");
        if (!Files.isRegularFile(config)) {
            return Optional.empty();
        }
        JsonNode json = readJson(config);
        return present(json.path("currentContext").asText(null));
    }

    private static EngineAddress fromContext(Path dockerConfig, String name, String source) throws EngineException {
        String id = Sha256.hex(name);
        Path meta = dockerConfig.resolve("contexts").resolve("meta").resolve(id).resolve("meta.json");
        if (!Files.isRegularFile(meta)) {
            throw new EngineException("Docker context '" + name + "' (from " + source + ") is not defined: "
                    + meta + " does not exist. Select an existing context (docker context use NAME) or set"
                    + " DOCKER_HOST.");
        }
        JsonNode endpoint = readJson(meta).path("Endpoints").path("docker");
        String host = endpoint.path("Host").asText("");
        if (host.isBlank()) {
            throw new EngineException("Docker context '" + name + "' has no docker endpoint Host in " + meta
                    + ". Set DOCKER_HOST instead.");
        }
        Path tlsDir =
                dockerConfig.resolve("contexts").resolve("tls").resolve(id).resolve("docker");
        boolean tls =
                Files.isDirectory(tlsDir) && !endpoint.path("SkipTLSVerify").asBoolean(false);
        return new EngineAddress(host, tls, tls ? tlsDir : null, "Docker context '" + name + "'");
    }

    /** The host name to reach ports the engine publishes: {@code localhost} for a local socket. */
    public String publishedHost() {
        URI uri = URI.create(host);
        if (("tcp".equals(uri.getScheme()) || "http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                && uri.getHost() != null) {
            return uri.getHost();
        }
        return "localhost";
    }

    /** For messages: {@code unix:///var/run/docker.sock (from DOCKER_HOST)}. */
    public String describe() {
        return host + " (from " + source + ")";
    }

    private static JsonNode readJson(Path file) throws EngineException {
        try {
            return new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new EngineException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static boolean isTrue(String value) {
        return value != null
                && !value.isBlank()
                && !"0".equals(value.strip())
                && !"false".equalsIgnoreCase(value.strip());
    }
}
