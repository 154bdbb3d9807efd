package dev.dockyard.image.engine;

import dev.dockyard.image.model.ImageDetails;
import dev.dockyard.image.model.ImageLayer;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A connection to one container engine: everything the plugin asks of Docker goes through this interface, so that
 * the use cases (build, verify, save, the stack) can be unit-tested against a fake and run on the real engine
 * through the docker-java adapter {@code DockerEngine}. One per goal execution; never shared between threads of a parallel build.
 */
public interface Engine extends AutoCloseable {

    /** Label on every image this plugin builds, so that leftovers can be found. */
    String MANAGED_LABEL = "dev.dockyard.managed";

    /** Label on every container this plugin starts; its value identifies the run. */
    String RUN_LABEL = "dev.dockyard.run";

    /** Label on every container this plugin starts: the directory of the module that started it. */
    String PROJECT_LABEL = "dev.dockyard.project";

    /** Where the engine is. */
    EngineAddress address();

    /** The engine's version, e.g. {@code 20.10.24}. */
    String version() throws EngineException;

    /**
     * Builds an image from {@code context} and tags it with every tag of the request.
     *
     * @throws ImageBuildException a step failed, or a base image is missing and {@code pull} is {@code never}
     */
    BuildResult build(BuildRequest request, BuildContext context) throws EngineException;

    /** The platform the engine builds and runs for, as {@code os/architecture}, e.g. {@code linux/amd64}. */
    String platform() throws EngineException;

    /**
     * After {@code current} took the tags of {@code previous}: removes {@code previous} when it is an image this
     * plugin built and is now left untagged (an image still in use is kept).
     */
    void pruneReplaced(String previous, String current);

    /**
     * Builds the stages of the request's Dockerfile up to and including the stage named {@code target}, as
     * {@code docker build --target} does. The request's tags and labels are not applied: the stage image stays
     * untagged, as the engine's own multi-stage build leaves its earlier stages, and shares their build cache.
     *
     * @return the stage image's id
     * @throws ImageBuildException a step failed
     */
    String buildStage(BuildRequest request, BuildContext context, String target) throws EngineException;

    /**
     * Creates a container of {@code image} that is never started, only read from with {@link #archive}; remove it
     * with {@link #remove}.
     *
     * @return the container's id
     */
    String createContainer(String image) throws EngineException;

    /**
     * The engine's archive of {@code path} in the container: a tar whose entries are named from the path's last
     * element ({@code /rootfs} gives {@code rootfs}, {@code rootfs/etc}, ...), owners, modes and links kept. The
     * caller closes the stream.
     */
    InputStream archive(String containerId, String path) throws EngineException;

    /** As {@link #archive}, or {@code null} when the container has no such path. */
    default InputStream archiveOrNull(String containerId, String path) throws EngineException {
        return archive(containerId, path);
    }

    /** Loads images from a docker-archive tar ({@code docker load}), tagging them as its manifest says. */
    void load(InputStream archive) throws EngineException;

    /** The diff IDs of the image's layers, lowest first; empty when the engine has no such image. */
    List<String> diffIds(String reference) throws EngineException;

    /** The id of {@code reference} in the engine, or {@code null} when it has no such image. */
    String imageIdOrNull(String reference) throws EngineException;

    /** Inspects the image and reads its history. */
    ImageDetails inspect(String reference) throws EngineException;

    /** The image's history, oldest step first. */
    List<ImageLayer> history(String imageId) throws EngineException;

    /**
     * Creates and starts a container; a container that was created but could not be started is removed again.
     *
     * @return the container's id
     */
    String run(ContainerSpec spec) throws EngineException;

    /** The container's state now (running, exit code, health). */
    ContainerState state(String containerId) throws EngineException;

    /**
     * The effective UID of the container's main process, as the engine's host sees it; empty when the container is
     * not running.
     */
    OptionalInt mainProcessEffectiveUid(String containerId) throws EngineException;

    /** The host port the engine published {@code containerPort} of the container on. */
    OptionalInt hostPort(String containerId, int containerPort) throws EngineException;

    /** The container's last {@code lines} lines of output (stdout and stderr). */
    List<String> logs(String containerId, int lines) throws EngineException, InterruptedException;

    /**
     * Runs {@code command} in the running container, as the container's user, and waits for it at most
     * {@code timeout}.
     *
     * @return its exit code ({@link ExecResult#NOT_FINISHED} when the timeout passed first) and output
     */
    ExecResult exec(String containerId, List<String> command, Duration timeout)
            throws EngineException, InterruptedException;

    /**
     * Asks the container to stop (its STOPSIGNAL, normally SIGTERM) and returns when it has; the engine kills it
     * when {@code timeout} passes first. Stopping a stopped container is no error.
     */
    void stop(String containerId, Duration timeout) throws EngineException;

    /** Removes the container, forced, with its anonymous volumes; a container already gone is no error. */
    void remove(String containerId) throws EngineException;

    /** Writes {@code reference} as a docker-archive tar ({@code docker save}). */
    void save(String reference, OutputStream out) throws EngineException;

    /**
     * Pushes {@code reference} ({@code name:tag}) to its registry, the credentials (when not {@code null}) passed
     * to the engine and never logged.
     *
     * @return the digest the registry stored the manifest under ({@code sha256:...})
     * @throws RegistryException with the engine's or the registry's reason (the caller adds what to check)
     */
    String push(String reference, RegistryCredentials credentials) throws EngineException;

    /** The digests ({@code name@sha256:...}) the engine knows the image by in registries. */
    List<String> repoDigests(String reference) throws EngineException;

    /**
     * Creates a network carrying {@code labels}.
     *
     * @return the network's id
     */
    String createNetwork(String name, Map<String, String> labels) throws EngineException;

    /** Removes a network; a network already gone is no error. */
    void removeNetwork(String networkId) throws EngineException;

    /** Ids of the containers (running or not) whose {@code label} is {@code value}. */
    List<String> containersLabelled(String label, String value) throws EngineException;

    /** The labels of the container; empty when it is gone. */
    Map<String, String> containerLabels(String containerId) throws EngineException;

    /** Names of the networks whose {@code label} is {@code value}. */
    List<String> networksLabelled(String label, String value) throws EngineException;

    /** The host name that published ports are reached on. */
    default String publishedHost() {
        return address().publishedHost();
    }

    @Override
    void close();
}
