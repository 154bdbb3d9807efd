package dev.dockyard.image.engine;

import dev.dockyard.image.model.ImageDetails;
import dev.dockyard.image.model.ImageLayer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * An {@link Engine} held in memory, for unit tests of the use cases: images are given up front, a container's
 * states are scripted (each {@link #state} call takes the next one, the last one repeats), and every call that
 * changes something is recorded in {@link #calls}.
 */
public final class FakeEngine implements Engine {

    /** What the fake did, in order: {@code run <image>}, {@code stop <id>}, {@code remove <id>}, ... */
    public final List<String> calls = new ArrayList<>();

    /** Containers started and not removed. */
    public final Map<String, ContainerSpec> containers = new LinkedHashMap<>();

    private final Map<String, ImageDetails> images = new LinkedHashMap<>();
    private final Map<String, List<String>> repoDigests = new LinkedHashMap<>();
    private final Deque<ContainerState> states = new ArrayDeque<>();
    private final Map<String, Deque<ContainerState>> imageStates = new LinkedHashMap<>();
    private final Map<String, EngineException> imageRunFailures = new LinkedHashMap<>();

    /** Networks created and not removed, with their labels. */
    public final Map<String, Map<String, String>> networks = new LinkedHashMap<>();

    private ContainerState afterStop = ContainerState.exited(StopOutcome.SIGTERM_EXIT);
    private List<String> logs = List.of();
    private OptionalInt uid = OptionalInt.of(65532);
    private final Map<Integer, Integer> hostPorts = new LinkedHashMap<>();
    private EngineException runFailure;
    private byte[] archive = new byte[0];
    private ExecResult execResult = new ExecResult(0, "");
    private int next = 1;
    private boolean stopped;
    private boolean closed;

    /** A base image of one layer, as {@link #image} takes it: no user, health check, ports or labels. */
    public static ImageDetails baseImage(String id, String... tags) {
        return new ImageDetails(id, List.of(tags), 1, "2026-01-01T00:00:00Z", "", null, Set.of(), Map.of(), List.of());
    }

    /** The {@code RepoDigests} of an image, by any reference to it. */
    public FakeEngine repoDigests(ImageDetails image, String... digests) {
        repoDigests.put(image.id(), List.of(digests));
        return this;
    }

    public FakeEngine image(ImageDetails image) {
        images.put(image.id(), image);
        image.tags().forEach(tag -> images.put(tag, image));
        return this;
    }

    /** The states the started container goes through. */
    public FakeEngine states(ContainerState... sequence) {
        states.clear();
        states.addAll(List.of(sequence));
        return this;
    }

    /** The states the containers of {@code image} go through (instead of {@link #states}). */
    public FakeEngine states(String image, ContainerState... sequence) {
        imageStates.put(image, new ArrayDeque<>(List.of(sequence)));
        return this;
    }

    /** Starting a container of {@code image} fails with {@code failure} (the container is not left). */
    public FakeEngine failRun(String image, EngineException failure) {
        imageRunFailures.put(image, failure);
        return this;
    }

    /** The state once stopped (default: exited 143, as a JVM on SIGTERM). */
    public FakeEngine afterStop(ContainerState state) {
        afterStop = state;
        return this;
    }

    public FakeEngine logs(String... lines) {
        logs = List.of(lines);
        return this;
    }

    /** What running a command in a container gives (by default exit 0, no output). */
    public FakeEngine exec(ExecResult result) {
        this.execResult = result;
        return this;
    }

    public FakeEngine uid(int value) {
        uid = OptionalInt.of(value);
        return this;
    }

    public FakeEngine publish(int containerPort, int hostPort) {
        hostPorts.put(containerPort, hostPort);
        return this;
    }

    public FakeEngine failRun(EngineException failure) {
        runFailure = failure;
        return this;
    }

    public FakeEngine archive(byte[] bytes) {
        this.archive = bytes.clone();
        return this;
    }

    public FakeEngine archive(String content) {
        archive = content.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public EngineAddress address() {
        return new EngineAddress("unix:///fake/docker.sock", false, null, "the test");
    }

    @Override
    public String publishedHost() {
        return "127.0.0.1";
    }

    @Override
    public String version() {
        return "0.0.0-fake";
    }

    @Override
    public BuildResult build(BuildRequest request, BuildContext context) throws EngineException {
        calls.add("build " + request.tags());
        ImageDetails image = images.values().stream()
                .findFirst()
                .orElseThrow(() -> new ImageBuildException("The image build failed: no image scripted"));
        try {
            return new BuildResult(image.id(), request.tags(), context.paths().size(), context.bytes());
        } catch (IOException e) {
            throw new EngineException("Could not read the build context: " + e.getMessage(), e);
        }
    }

    @Override
    public String platform() {
        return "linux/amd64";
    }

    @Override
    public void pruneReplaced(String previous, String current) {
        calls.add("pruneReplaced");
    }

    /** Stage builds answer with {@code sha256:stage-<target>}. */
    @Override
    public String buildStage(BuildRequest request, BuildContext context, String target) {
        calls.add("buildStage " + target + " " + context.paths());
        return "sha256:stage-" + target;
    }

    /** What {@link #archive} answers for a path of any container: a tar, as the engine's archive API writes it. */
    public final Map<String, byte[]> archives = new LinkedHashMap<>();

    /** The docker-archives {@link #load} was given, in order. */
    public final List<byte[]> loaded = new ArrayList<>();

    /** The layers {@link #diffIds} answers, by reference. */
    public final Map<String, List<String>> layers = new LinkedHashMap<>();

    @Override
    public String createContainer(String image) {
        calls.add("createContainer " + image);
        return "created-" + image;
    }

    @Override
    public java.io.InputStream archive(String containerId, String path) throws EngineException {
        byte[] tar = archives.get(path);
        if (tar == null) {
            throw new EngineException("Could not read " + path + " from container " + containerId + ": not found");
        }
        return new java.io.ByteArrayInputStream(tar);
    }

    @Override
    public java.io.InputStream archiveOrNull(String containerId, String path) throws EngineException {
        calls.add("archive " + path);
        return archives.containsKey(path) ? archive(containerId, path) : null;
    }

    @Override
    public void load(java.io.InputStream archive) throws EngineException {
        try {
            loaded.add(archive.readAllBytes());
        } catch (IOException e) {
            throw new EngineException("Could not read the archive: " + e.getMessage(), e);
        }
        calls.add("load");
    }

    @Override
    public List<String> diffIds(String reference) {
        return layers.getOrDefault(reference, List.of());
    }

    @Override
    public String imageIdOrNull(String reference) {
        ImageDetails image = images.get(reference);
        return image == null ? null : image.id();
    }

    @Override
    public ImageDetails inspect(String reference) throws EngineException {
        ImageDetails image = images.get(reference);
        if (image == null) {
            throw new EngineException("The fake engine has no image " + reference);
        }
        return image;
    }

    @Override
    public List<ImageLayer> history(String imageId) throws EngineException {
        return inspect(imageId).layers();
    }

    @Override
    public String run(ContainerSpec spec) throws EngineException {
        calls.add("run " + spec.image());
        if (runFailure != null) {
            throw runFailure;
        }
        if (imageRunFailures.containsKey(spec.image())) {
            throw imageRunFailures.get(spec.image());
        }
        String id = "c" + next++ + "0".repeat(63);
        containers.put(id, spec);
        return id;
    }

    @Override
    public ContainerState state(String containerId) throws EngineException {
        requireContainer(containerId);
        if (stopped) {
            return afterStop;
        }
        Deque<ContainerState> own = imageStates.get(containers.get(containerId).image());
        if (own != null) {
            return own.size() > 1 ? own.poll() : own.isEmpty() ? ContainerState.running(null) : own.peek();
        }
        return states.size() > 1 ? states.poll() : states.isEmpty() ? ContainerState.running(null) : states.peek();
    }

    @Override
    public OptionalInt mainProcessEffectiveUid(String containerId) throws EngineException {
        requireContainer(containerId);
        return uid;
    }

    @Override
    public OptionalInt hostPort(String containerId, int containerPort) throws EngineException {
        requireContainer(containerId);
        Integer port = hostPorts.get(containerPort);
        return port == null ? OptionalInt.empty() : OptionalInt.of(port);
    }

    @Override
    public List<String> logs(String containerId, int lines) throws EngineException {
        requireContainer(containerId);
        calls.add("logs " + containerId.substring(0, 2));
        return logs.subList(Math.max(0, logs.size() - lines), logs.size());
    }

    @Override
    public ExecResult exec(String containerId, List<String> command, Duration timeout) throws EngineException {
        requireContainer(containerId);
        calls.add("exec " + containerId.substring(0, 2) + " " + String.join(" ", command));
        return execResult;
    }

    @Override
    public void stop(String containerId, Duration timeout) throws EngineException {
        requireContainer(containerId);
        calls.add("stop " + containerId.substring(0, 2));
        stopped = true;
    }

    @Override
    public void remove(String containerId) {
        calls.add("remove " + (containerId.startsWith("created-") ? containerId : containerId.substring(0, 2)));
        containers.remove(containerId);
    }

    @Override
    public void save(String reference, OutputStream out) throws EngineException {
        inspect(reference);
        calls.add("save " + reference);
        try {
            out.write(archive);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String push(String reference, RegistryCredentials credentials) throws EngineException {
        inspect(reference);
        calls.add("push " + reference + (credentials == null ? "" : " as " + credentials.username()));
        return "sha256:" + "f".repeat(64);
    }

    @Override
    public List<String> repoDigests(String reference) throws EngineException {
        return repoDigests.getOrDefault(inspect(reference).id(), List.of());
    }

    @Override
    public String createNetwork(String name, Map<String, String> labels) {
        calls.add("network " + name);
        networks.put(name, Map.copyOf(labels));
        return "n-" + name;
    }

    @Override
    public void removeNetwork(String networkId) {
        calls.add("remove-network " + networkId);
        networks.remove(networkId.startsWith("n-") ? networkId.substring(2) : networkId);
    }

    @Override
    public List<String> containersLabelled(String label, String value) {
        return containers.entrySet().stream()
                .filter(e -> value.equals(e.getValue().labels().get(label)))
                .map(Map.Entry::getKey)
                .toList();
    }

    @Override
    public Map<String, String> containerLabels(String containerId) {
        ContainerSpec spec = containers.get(containerId);
        return spec == null ? Map.of() : spec.labels();
    }

    @Override
    public List<String> networksLabelled(String label, String value) {
        return networks.entrySet().stream()
                .filter(e -> value.equals(e.getValue().get(label)))
                .map(Map.Entry::getKey)
                .toList();
    }

    @Override
    public void close() {
        closed = true;
    }

    private void requireContainer(String id) throws EngineException {
        if (!containers.containsKey(id)) {
            throw new EngineException("The fake engine has no container " + id);
        }
    }
}
