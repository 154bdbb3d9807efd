package dev.dockyard.image.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.TopContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.command.BuildImageResultCallback;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.dockyard.image.model.HealthCheckConfig;
import dev.dockyard.image.model.ImageDetails;
import dev.dockyard.image.model.ImageLayer;
import dev.dockyard.image.support.DurationText;
import dev.dockyard.image.support.LibraryLogs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@link Engine} on a Docker engine, through docker-java over its dependency-free transport. One per goal
 * execution; never shared between threads of a parallel build.
 */
public final class DockerEngine implements Engine {

    private final EngineAddress address;
    private final DockerHttpClient http;
    private final DockerClient client;
    private final EngineLog log;
    private final ObjectMapper json = new ObjectMapper();

    private DockerEngine(EngineAddress address, DockerHttpClient http, DockerClient client, EngineLog log) {
        this.address = address;
        this.http = http;
        this.client = client;
        this.log = log;
    }

    /**
     * The transport's HTTP client logs every header and byte at debug level, which {@code mvn -X} turns on for all
     * loggers: that would print the {@code X-Registry-Auth} header of a push. Its wire and header loggers are kept
     * at info (a user's own setting for them wins). Must run before the transport's classes are first used.
     */
    private static void quietTransportWireLog() {
        // docker-java logs every failed streaming call ("Error during callback") with its stack trace before the
        // caller gets the error, which this adapter turns into one message: that logger says nothing
        LibraryLogs.level("com.github.dockerjava.api.async.ResultCallbackTemplate", "off");
        for (String logger : List.of("http.wire", "http.headers")) {
            LibraryLogs.level("com.github.dockerjava.zerodep.shaded.org.apache.hc.client5." + logger, "info");
        }
    }

    /**
     * Connects to the engine at {@code address} and checks that it answers.
     *
     * @throws EngineUnreachableException naming the address and the ways out
     */
    public static DockerEngine connect(EngineAddress address, EngineLog log) throws EngineException {
        return connect(address, log, READ_TIMEOUT);
    }

    /**
     * {@link #connect(EngineAddress, EngineLog)}: every request may stay silent for at most {@code engineTimeout}
     * ({@code image.engineTimeout}), the first answer is awaited for at most 30 seconds (or {@code engineTimeout}
     * when shorter).
     */
    public static DockerEngine connect(EngineAddress address, EngineLog log, Duration engineTimeout)
            throws EngineException {
        if (engineTimeout.isZero() || engineTimeout.isNegative()) {
            throw new IllegalArgumentException("engineTimeout must be positive: " + engineTimeout);
        }
        Duration pingTimeout = engineTimeout.compareTo(PING_TIMEOUT) < 0 ? engineTimeout : PING_TIMEOUT;
        Duration connectTimeout = engineTimeout.compareTo(CONNECT_TIMEOUT) < 0 ? engineTimeout : CONNECT_TIMEOUT;
        quietTransportWireLog();
        requireUsable(address);
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(address.host())
                .withDockerTlsVerify(address.tlsVerify());
        if (address.certPath() != null) {
            builder.withDockerCertPath(address.certPath().toString());
        }
        DockerClientConfig config;
        try {
            config = builder.build();
        } catch (RuntimeException e) {
            throw new EngineUnreachableException(address, e);
        }
        DockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(URI.create(address.host()))
                .sslConfig(config.getSSLConfig())
                .maxConnections(16)
                .connectionTimeout(connectTimeout)
                .responseTimeout(engineTimeout)
                .build();
        http = new TimedHttpClient(http, address.describe(), engineTimeout);
        DockerEngine engine = new DockerEngine(address, http, DockerClientImpl.getInstance(config, http), log);
        // an engine that accepts the connection and never answers must not hang the build for the read time-out
        CompletableFuture<Void> ping =
                CompletableFuture.runAsync(() -> engine.client.pingCmd().exec());
        String silent = "The Docker engine at " + address.describe() + " accepted the connection but did not answer"
                + " within " + DurationText.format(pingTimeout) + ": check that DOCKER_HOST points at a Docker engine"
                + " (not another service) and that the engine is not stuck.";
        try {
            ping.get(pingTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            ping.cancel(true);
            engine.close();
            throw new EngineUnreachableException(silent);
        } catch (ExecutionException e) {
            engine.close();
            // the socket's own read limit may end the silence first: the same answer
            for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof java.net.SocketTimeoutException) {
                    throw new EngineUnreachableException(silent);
                }
            }
            throw new EngineUnreachableException(address, e.getCause());
        } catch (InterruptedException e) {
            engine.close();
            Thread.currentThread().interrupt();
            throw new EngineUnreachableException(address, e);
        }
        return engine;
    }

    /** How long connecting to the engine may take. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long the engine may take to answer the first request. */
    static final Duration PING_TIMEOUT = Duration.ofSeconds(30);
    /**
     * How long the engine may stay silent during a request (a build step with no output, a large push) unless
     * {@code image.engineTimeout} says otherwise.
     */
    static final Duration READ_TIMEOUT = Duration.ofMinutes(10);

    /**
     * Checks what can be checked before connecting: a scheme an engine speaks, and with {@code DOCKER_TLS_VERIFY} all
     * three TLS files readable, so that a missing file never turns a TLS connection into a plain one.
     */
    static void requireUsable(EngineAddress address) throws EngineUnreachableException {
        String host = address.host();
        if (!host.matches("(?i)(unix|tcp|npipe)://.+")) {
            throw new EngineUnreachableException("DOCKER_HOST '" + host + "' (" + address.source() + ") is not an"
                    + " engine address: use unix:///path/to/docker.sock, tcp://host:port or npipe:////./pipe/name.");
        }
        if (!address.tlsVerify()) {
            return;
        }
        Path certs = address.certPath();
        for (String file : List.of("ca.pem", "cert.pem", "key.pem")) {
            Path path = certs == null ? Path.of(file) : certs.resolve(file);
            if (certs == null || !Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new EngineUnreachableException("DOCKER_TLS_VERIFY is set but " + path + " is missing or not"
                        + " readable: Dockyard does not fall back to a plain connection to " + host + ". Put ca.pem,"
                        + " cert.pem and key.pem in DOCKER_CERT_PATH" + (certs == null ? "" : " (" + certs + ")")
                        + ", or unset DOCKER_TLS_VERIFY to talk to the engine without TLS.");
            }
        }
    }

    @Override
    public EngineAddress address() {
        return address;
    }

    /** The engine's version, e.g. {@code 20.10.24}. */
    @Override
    public String version() throws EngineException {
        return call(
                "read the engine's version", () -> client.versionCmd().exec().getVersion());
    }

    /**
     * Builds an image from {@code context}: sends the context as a tar, streams the step output to the log line by
     * line, tags the image with every tag of the request. When the main tag moves away from an image this plugin
     * built earlier and that image is left untagged, it is removed.
     *
     * @throws ImageBuildException a step failed
     */
    @Override
    public BuildResult build(BuildRequest request, BuildContext context) throws EngineException {
        String previous =
                request.tags().isEmpty() ? null : imageIdOrNull(request.tags().get(0));
        String imageId = buildImage(request, context, null);
        pruneReplaced(previous, imageId);
        try {
            return new BuildResult(imageId, request.tags(), context.paths().size(), context.bytes());
        } catch (IOException e) {
            throw new EngineException(
                    "Could not read the build context " + request.context() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String platform() throws EngineException {
        return call("read the engine's platform", () -> {
            var version = client.versionCmd().exec();
            return version.getOperatingSystem() + "/" + version.getArch();
        });
    }

    @Override
    public String buildStage(BuildRequest request, BuildContext context, String target) throws EngineException {
        return buildImage(request, context, target);
    }

    /** Sends the context and builds: the whole Dockerfile, tagged and labelled, or ({@code target}) one stage bare. */
    private String buildImage(BuildRequest request, BuildContext context, String target) throws EngineException {
        Path tar = request.workDirectory().resolve("context.tar");
        try {
            Files.createDirectories(request.workDirectory());
            try (OutputStream out = Files.newOutputStream(tar)) {
                context.writeTar(out);
            }
            try (InputStream in = Files.newInputStream(tar)) {
                BuildImageCmd command = client.buildImageCmd(in)
                        .withDockerfilePath(request.dockerfile())
                        .withPull(request.pull() == PullPolicy.ALWAYS)
                        .withNoCache(request.noCache())
                        .withRemove(true)
                        .withForcerm(true);
                if (target == null) {
                    Map<String, String> labels = new TreeMap<>(request.labels());
                    labels.put(MANAGED_LABEL, "true");
                    command.withTags(new LinkedHashSet<>(request.tags())).withLabels(labels);
                } else {
                    command.withTarget(target);
                }
                request.buildArgs().forEach(command::withBuildArg);
                StreamingCallback callback =
                        command.exec(new StreamingCallback(log, address.host(), request.context()));
                // the build stream names the image by its short id
                return client.inspectImageCmd(callback.imageId()).exec().getId();
            }
        } catch (IOException e) {
            throw new EngineException(
                    "Could not send the build context " + request.context() + ": " + e.getMessage(), e);
        } catch (DockerException e) {
            throw new EngineException("The engine failed to build " + request.context() + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tar);
            } catch (IOException e) {
                log.debug("Could not delete " + tar + ": " + e.getMessage());
            }
        }
    }

    @Override
    public String createContainer(String image) throws EngineException {
        // never started: the command only has to exist for the engine to create it
        return call(
                "create a container of " + image,
                () -> client.createContainerCmd(image)
                        .withEntrypoint("/dockyard-never-started")
                        .withCmd(List.of())
                        .withLabels(Map.of(MANAGED_LABEL, "true"))
                        .exec()
                        .getId());
    }

    @Override
    public InputStream archive(String containerId, String path) throws EngineException {
        return call(
                "read " + path + " from container " + containerId,
                () -> client.copyArchiveFromContainerCmd(containerId, path).exec());
    }

    @Override
    public InputStream archiveOrNull(String containerId, String path) throws EngineException {
        try {
            return client.copyArchiveFromContainerCmd(containerId, path).exec();
        } catch (NotFoundException e) {
            return null;
        } catch (DockerException e) {
            throw new EngineException(
                    "Could not read " + path + " from container " + containerId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void load(InputStream archive) throws EngineException {
        call("load the image into the engine", () -> {
            client.loadImageCmd(archive).exec();
            return null;
        });
    }

    @Override
    public List<String> diffIds(String reference) throws EngineException {
        try {
            InspectImageResponse image = client.inspectImageCmd(reference).exec();
            if (image.getRootFS() == null || image.getRootFS().getLayers() == null) {
                return List.of();
            }
            return List.copyOf(image.getRootFS().getLayers());
        } catch (NotFoundException e) {
            return List.of();
        } catch (DockerException e) {
            throw new EngineException("Could not inspect image " + reference + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void pruneReplaced(String previous, String current) {
        if (previous == null || previous.equals(current)) {
            return;
        }
        try {
            InspectImageResponse old = client.inspectImageCmd(previous).exec();
            boolean untagged = old.getRepoTags() == null || old.getRepoTags().isEmpty();
            boolean ours = old.getConfig() != null
                    && old.getConfig().getLabels() != null
                    && old.getConfig().getLabels().containsKey(MANAGED_LABEL);
            if (untagged && ours) {
                client.removeImageCmd(previous).exec();
                log.debug("Removed the previous build " + previous);
            }
        } catch (DockerException e) {
            // still used by a container, or already gone: leave it
            log.debug("Kept the previous build " + previous + ": " + e.getMessage());
        }
    }

    /** The id of {@code reference} in the engine, or {@code null} when it has no such image. */
    @Override
    public String imageIdOrNull(String reference) throws EngineException {
        try {
            return client.inspectImageCmd(reference).exec().getId();
        } catch (NotFoundException e) {
            return null;
        } catch (DockerException e) {
            throw new EngineException("Could not inspect image " + reference + ": " + e.getMessage(), e);
        }
    }

    /** Inspects the image and reads its history. */
    @Override
    public ImageDetails inspect(String reference) throws EngineException {
        InspectImageResponse image;
        try {
            image = client.inspectImageCmd(reference).exec();
        } catch (NotFoundException e) {
            throw new EngineException(
                    "The engine at " + address.host() + " has no image " + reference
                            + ": build it first (image:build).",
                    e);
        } catch (DockerException e) {
            throw new EngineException("Could not inspect image " + reference + ": " + e.getMessage(), e);
        }
        var config = image.getConfig();
        Set<String> ports = new TreeSet<>();
        if (config != null && config.getExposedPorts() != null) {
            Arrays.stream(config.getExposedPorts()).map(ExposedPort::toString).forEach(ports::add);
        }
        Map<String, String> labels =
                config != null && config.getLabels() != null ? new TreeMap<>(config.getLabels()) : Map.of();
        return new ImageDetails(
                image.getId(),
                image.getRepoTags() == null ? List.of() : image.getRepoTags(),
                image.getSize() == null ? 0 : image.getSize(),
                image.getCreated(),
                config == null || config.getUser() == null ? "" : config.getUser(),
                healthCheck(config == null ? null : config.getHealthcheck()),
                ports,
                labels,
                history(image.getId()));
    }

    private static HealthCheckConfig healthCheck(HealthCheck check) {
        if (check == null || check.getTest() == null || check.getTest().isEmpty()) {
            return null;
        }
        return new HealthCheckConfig(
                List.copyOf(check.getTest()),
                nanos(check.getInterval(), 30),
                nanos(check.getTimeout(), 30),
                nanos(check.getStartPeriod(), 0),
                check.getRetries() == null || check.getRetries() == 0 ? 3 : check.getRetries());
    }

    private static Duration nanos(Long value, int defaultSeconds) {
        return value == null || value == 0 ? Duration.ofSeconds(defaultSeconds) : Duration.ofNanos(value);
    }

    /** The image's history, oldest step first (the API has it newest first). */
    @Override
    public List<ImageLayer> history(String imageId) throws EngineException {
        JsonNode entries = getJson("/images/" + imageId + "/history", "read the history of " + imageId);
        List<ImageLayer> layers = new ArrayList<>();
        for (JsonNode entry : entries) {
            layers.add(
                    0,
                    new ImageLayer(
                            entry.path("Id").asText(""),
                            entry.path("Size").asLong(0),
                            entry.path("CreatedBy").asText(""),
                            entry.path("Created").asLong(0),
                            entry.path("Comment").asText("")));
        }
        return layers;
    }

    private JsonNode getJson(String path, String what) throws EngineException {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path(path)
                .build();
        try (DockerHttpClient.Response response = http.execute(request)) {
            JsonNode body = json.readTree(response.getBody());
            if (response.getStatusCode() / 100 != 2) {
                throw new EngineException("Could not " + what + ": HTTP " + response.getStatusCode() + " "
                        + body.path("message").asText(""));
            }
            return body;
        } catch (IOException | UncheckedIOException e) {
            throw new EngineException("Could not " + what + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String run(ContainerSpec spec) throws EngineException {
        Ports bindings = new Ports();
        List<ExposedPort> exposed = new ArrayList<>();
        for (int port : spec.ports()) {
            ExposedPort tcp = ExposedPort.tcp(port);
            exposed.add(tcp);
            bindings.bind(tcp, spec.sameHostPorts() ? Ports.Binding.bindPort(port) : Ports.Binding.empty());
        }
        HostConfig host = HostConfig.newHostConfig().withPortBindings(bindings).withReadonlyRootfs(spec.readOnly());
        if (spec.memoryLimit() > 0) {
            // swap as large as the limit: the container gets no swap beyond it, so the limit is what kills
            host.withMemory(spec.memoryLimit()).withMemorySwap(spec.memoryLimit());
        }
        if (spec.network() != null) {
            host.withNetworkMode(spec.network());
        }
        if (!spec.tmpfs().isEmpty()) {
            Map<String, String> tmpfs = new TreeMap<>();
            spec.tmpfs().forEach(path -> tmpfs.put(path, ""));
            host.withTmpFs(tmpfs);
        }
        if (spec.dropCapabilities()) {
            host.withCapDrop(Capability.ALL);
        }
        if (spec.noNewPrivileges()) {
            host.withSecurityOpts(List.of("no-new-privileges:true"));
        }
        CreateContainerResponse created;
        try {
            var command = client.createContainerCmd(spec.image())
                    .withLabels(spec.labels())
                    .withExposedPorts(exposed)
                    .withEnv(spec.envEntries())
                    .withHostConfig(host);
            if (spec.name() != null) {
                command.withName(spec.name());
            }
            if (spec.alias() != null) {
                command.withAliases(spec.alias());
            }
            if (spec.user() != null && !spec.user().isBlank()) {
                command.withUser(spec.user());
            }
            created = command.exec();
        } catch (DockerException e) {
            throw new EngineException("Could not create a container of " + spec.image() + ": " + e.getMessage(), e);
        }
        try {
            client.startContainerCmd(created.getId()).exec();
        } catch (DockerException e) {
            try {
                remove(created.getId());
            } catch (EngineException removal) {
                e.addSuppressed(removal);
            }
            throw new EngineException("Could not start a container of " + spec.image() + ": " + e.getMessage(), e);
        }
        return created.getId();
    }

    @Override
    public ContainerState state(String containerId) throws EngineException {
        InspectContainerResponse.ContainerState state =
                inspectContainer(containerId).getState();
        HealthState health = state.getHealth();
        return new ContainerState(
                Boolean.TRUE.equals(state.getRunning()),
                state.getExitCodeLong() == null ? -1 : state.getExitCodeLong(),
                health == null ? null : health.getStatus(),
                lastProbe(health),
                Boolean.TRUE.equals(state.getOOMKilled()));
    }

    private static String lastProbe(HealthState health) {
        if (health == null || health.getLog() == null || health.getLog().isEmpty()) {
            return "";
        }
        HealthStateLog last = health.getLog().get(health.getLog().size() - 1);
        String output = last.getOutput() == null ? "" : last.getOutput().strip();
        return "exit " + last.getExitCodeLong() + (output.isEmpty() ? "" : ": " + output);
    }

    private InspectContainerResponse inspectContainer(String containerId) throws EngineException {
        try {
            return client.inspectContainerCmd(containerId).exec();
        } catch (DockerException e) {
            throw new EngineException("Could not inspect container " + shortId(containerId) + ": " + e.getMessage(), e);
        }
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    @Override
    public OptionalInt mainProcessEffectiveUid(String containerId) throws EngineException {
        InspectContainerResponse.ContainerState state =
                inspectContainer(containerId).getState();
        if (!Boolean.TRUE.equals(state.getRunning()) || state.getPidLong() == null) {
            return OptionalInt.empty();
        }
        String pid = Long.toString(state.getPidLong());
        TopContainerResponse top;
        try {
            top = client.topContainerCmd(containerId).withPsArgs("-o pid,euid").exec();
        } catch (DockerException e) {
            throw new EngineException(
                    "Could not list the processes of container " + shortId(containerId) + ": " + e.getMessage(), e);
        }
        List<String> titles = Arrays.asList(top.getTitles());
        int pidColumn = titles.indexOf("PID");
        int uidColumn = titles.indexOf("EUID");
        if (pidColumn < 0 || uidColumn < 0) {
            throw new EngineException("The engine listed the processes of container " + shortId(containerId)
                    + " without PID and EUID columns: " + titles);
        }
        for (String[] process : top.getProcesses()) {
            if (pid.equals(process[pidColumn].strip())) {
                return OptionalInt.of(Integer.parseInt(process[uidColumn].strip()));
            }
        }
        return OptionalInt.empty();
    }

    @Override
    public OptionalInt hostPort(String containerId, int containerPort) throws EngineException {
        Ports ports = inspectContainer(containerId).getNetworkSettings().getPorts();
        Ports.Binding[] bindings = ports == null ? null : ports.getBindings().get(ExposedPort.tcp(containerPort));
        if (bindings == null) {
            return OptionalInt.empty();
        }
        return Arrays.stream(bindings)
                .map(Ports.Binding::getHostPortSpec)
                .filter(spec -> spec != null && spec.matches("[0-9]+"))
                .mapToInt(Integer::parseInt)
                .findFirst();
    }

    @Override
    public List<String> logs(String containerId, int lines) throws EngineException, InterruptedException {
        FrameText text = new FrameText();
        try {
            client.logContainerCmd(containerId)
                    .withStdOut(true)
                    .withStdErr(true)
                    .withTail(lines)
                    .exec(text)
                    .awaitCompletion(30, TimeUnit.SECONDS);
        } catch (DockerException e) {
            throw new EngineException(
                    "Could not read the logs of container " + shortId(containerId) + ": " + e.getMessage(), e);
        }
        return text.lines();
    }

    @Override
    public ExecResult exec(String containerId, List<String> command, Duration timeout)
            throws EngineException, InterruptedException {
        FrameText text = new FrameText();
        try {
            String exec = client.execCreateCmd(containerId)
                    .withCmd(command.toArray(String[]::new))
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .exec()
                    .getId();
            boolean finished =
                    client.execStartCmd(exec).exec(text).awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                return new ExecResult(ExecResult.NOT_FINISHED, String.join("\n", text.lines()));
            }
            Long exitCode = client.inspectExecCmd(exec).exec().getExitCodeLong();
            return new ExecResult(
                    exitCode == null ? ExecResult.NOT_FINISHED : exitCode, String.join("\n", text.lines()));
        } catch (DockerException e) {
            throw new EngineException(
                    "Could not run " + command.get(0) + " in container " + shortId(containerId) + ": " + e.getMessage(),
                    e);
        } finally {
            text.close();
        }
    }

    /** Collects the text of a log or exec stream (stdout and stderr as they come). */
    private static final class FrameText extends ResultCallback.Adapter<Frame> {

        private final StringBuilder text = new StringBuilder();

        @Override
        public void onNext(Frame frame) {
            synchronized (text) {
                text.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
            }
        }

        List<String> lines() {
            synchronized (text) {
                return text.toString().lines().map(String::stripTrailing).toList();
            }
        }

        @Override
        public void close() {
            try {
                super.close();
            } catch (IOException e) {
                // the stream is gone either way
            }
        }
    }

    @Override
    public void stop(String containerId, Duration timeout) throws EngineException {
        try {
            client.stopContainerCmd(containerId)
                    .withTimeout((int) Math.max(1, timeout.toSeconds()))
                    .exec();
        } catch (NotModifiedException e) {
            // already stopped
        } catch (DockerException e) {
            throw new EngineException("Could not stop container " + shortId(containerId) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void remove(String containerId) throws EngineException {
        try {
            client.removeContainerCmd(containerId)
                    .withForce(true)
                    .withRemoveVolumes(true)
                    .exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (DockerException e) {
            throw new EngineException("Could not remove container " + shortId(containerId) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Pushes {@code repository:tag} to its registry ({@code POST /images/{name}/push}), the credentials passed to
     * the engine in the {@code X-Registry-Auth} header (never logged).
     *
     * @return the digest the registry stored the manifest under ({@code sha256:...})
     * @throws RegistryException with the engine's or the registry's reason (the caller adds what to check)
     */
    @Override
    public String push(String reference, RegistryCredentials credentials) throws EngineException {
        int colon = reference.lastIndexOf(':');
        String repository = reference.substring(0, colon);
        String tag = reference.substring(colon + 1);
        DockerHttpClient.Request.Builder request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.POST)
                .path("/images/" + repository + "/push?tag="
                        + java.net.URLEncoder.encode(tag, java.nio.charset.StandardCharsets.UTF_8));
        if (credentials != null) {
            request.putHeader("X-Registry-Auth", registryAuth(repository, credentials));
        }
        String digest = null;
        try (DockerHttpClient.Response response = http.execute(request.build())) {
            if (response.getStatusCode() / 100 != 2) {
                JsonNode body = json.readTree(response.getBody());
                throw new RegistryException(body.path("message").asText("HTTP " + response.getStatusCode()));
            }
            try (var items = json.readerFor(JsonNode.class).<JsonNode>readValues(response.getBody())) {
                while (items.hasNext()) {
                    JsonNode item = items.next();
                    String error = item.path("errorDetail")
                            .path("message")
                            .asText(item.path("error").asText(""));
                    if (!error.isBlank()) {
                        throw new RegistryException(error.strip());
                    }
                    String pushed = item.path("aux").path("Digest").asText("");
                    if (!pushed.isBlank()) {
                        digest = pushed;
                    }
                    String status = item.path("status").asText("");
                    if (!status.isBlank()) {
                        String id = item.path("id").asText("");
                        log.debug((id.isEmpty() ? "" : id + ": ") + status);
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new RegistryException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (RuntimeException e) {
            // the transport's failures (TLS, connection) are unchecked
            throw new EngineException(
                    "Could not push " + repository + ":" + tag + " through the engine at " + address.host() + ": "
                            + e.getMessage(),
                    e);
        }
        if (digest == null) {
            throw new RegistryException("the engine reported no digest for the pushed image");
        }
        return digest;
    }

    @Override
    public List<String> repoDigests(String reference) throws EngineException {
        return call("inspect image " + reference, () -> {
            List<String> digests = client.inspectImageCmd(reference).exec().getRepoDigests();
            return digests == null ? List.<String>of() : List.copyOf(digests);
        });
    }

    /** The {@code X-Registry-Auth} header: base64url of the JSON the engine expects. */
    private String registryAuth(String repository, RegistryCredentials credentials) throws EngineException {
        Map<String, String> auth = new TreeMap<>();
        if (credentials.identityToken()) {
            auth.put("identitytoken", credentials.secret());
        } else {
            auth.put("username", credentials.username());
            auth.put("password", credentials.secret());
        }
        auth.put(
                "serveraddress",
                dev.dockyard.image.dockerfile.ImageRef.parse(repository).registry());
        try {
            return java.util.Base64.getUrlEncoder().encodeToString(json.writeValueAsBytes(auth));
        } catch (IOException e) {
            throw new EngineException("Could not encode the registry credentials", e);
        }
    }

    @Override
    public List<String> containersLabelled(String label, String value) throws EngineException {
        return call(
                "list containers",
                () -> client.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(label, value)).exec().stream()
                        .map(c -> c.getId())
                        .toList());
    }

    @Override
    public Map<String, String> containerLabels(String containerId) throws EngineException {
        try {
            Map<String, String> labels =
                    client.inspectContainerCmd(containerId).exec().getConfig().getLabels();
            return labels == null ? Map.of() : Map.copyOf(labels);
        } catch (NotFoundException e) {
            return Map.of();
        } catch (DockerException e) {
            throw new EngineException("Could not inspect container " + shortId(containerId) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> networksLabelled(String label, String value) throws EngineException {
        return call(
                "list networks",
                () -> client.listNetworksCmd().withFilter("label", List.of(label + "=" + value)).exec().stream()
                        .map(n -> n.getName())
                        .sorted()
                        .toList());
    }

    @Override
    public String createNetwork(String name, Map<String, String> labels) throws EngineException {
        return call(
                "create network " + name,
                () -> client.createNetworkCmd()
                        .withName(name)
                        .withLabels(new TreeMap<>(labels))
                        .exec()
                        .getId());
    }

    @Override
    public void removeNetwork(String networkId) throws EngineException {
        try {
            client.removeNetworkCmd(networkId).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (DockerException e) {
            throw new EngineException("Could not remove network " + networkId + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code reference} as a docker-archive tar ({@code docker save}). */
    @Override
    public void save(String reference, OutputStream out) throws EngineException {
        try (InputStream in = client.saveImageCmd(reference).exec()) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new EngineException("Could not save image " + reference + ": " + e.getMessage(), e);
        } catch (DockerException e) {
            throw new EngineException("The engine could not save image " + reference + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            log.debug("Closing the engine connection: " + e.getMessage());
        }
    }

    private <T> T call(String what, EngineCall<T> call) throws EngineException {
        try {
            return call.run();
        } catch (DockerException e) {
            throw new EngineException("Could not " + what + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface EngineCall<T> {
        T run();
    }

    /** Streams the build's step output to the log, one line per line, and keeps the error. */
    static final class StreamingCallback extends BuildImageResultCallback {

        private final BuildOutput output;
        private final String engine;
        private final Path context;
        private volatile String error;

        StreamingCallback(EngineLog log, String engine, Path context) {
            this.output = new BuildOutput(log);
            this.engine = engine;
            this.context = context;
        }

        @Override
        public void onNext(BuildResponseItem item) {
            if (item.getStream() != null) {
                output.append(item.getStream());
            }
            if (item.isErrorIndicated()) {
                error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                        ? item.getErrorDetail().getMessage()
                        : item.getError();
            }
            super.onNext(item);
        }

        String imageId() throws EngineException {
            try {
                String id = awaitImageId(1, TimeUnit.HOURS);
                output.flush();
                return id;
            } catch (RuntimeException e) {
                output.flush();
                IOException broken = error == null ? connectionFault(e) : null;
                if (broken != null) {
                    // the stream ended without the engine's word: the engine stopped, restarted or dropped us
                    throw new EngineException(
                            "The connection to the Docker engine at " + engine + " broke while it built " + context
                                    + " (" + broken.getClass().getSimpleName() + ": " + broken.getMessage()
                                    + "): the engine stopped or restarted. Check that it runs (docker info) and"
                                    + " build again.",
                            broken); // its message is in this one: Maven prints a cause's only when it is not
                }
                throw new ImageBuildException(output.failure(error != null ? error : e.getMessage()));
            }
        }

        /** The transport's I/O fault behind {@code e}, or {@code null} when the engine answered with an error. */
        private static IOException connectionFault(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof IOException io) {
                    return io;
                }
            }
            return null;
        }
    }
}
