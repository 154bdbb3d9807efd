package dev.dockyard.image.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the earlier stages of the bundled template {@code java-service} make, as data: written by
 * {@code image:dockerfile} next to the rendered Dockerfile, read by {@code image:build} with
 * {@code image.builder=host} to make the same files on this machine instead of on an engine.
 *
 * @param template     the template, as the render names it ({@code bundled template java-service})
 * @param builderImage the builder stage's base image (its libraries and package entries are read from it)
 * @param javaHome     where the runtime lies in the image
 * @param modules      the modules jlink links
 * @param locales      {@code --include-locales}, empty for all
 * @param cds          {@code --generate-cds-archive}
 * @param runtime      {@code module} (the runtime in stage rootfs) or {@code reactor} (in stage runtime)
 * @param startupCache the startup cache's kind ({@code none}, or one a training run writes)
 * @param uid          the service user's number
 * @param gid          its group's number
 * @param workdir      the service's home in {@code /etc/passwd}
 * @param tmp          the temporary directory (mode 1777)
 * @param volumes      the declared volumes, created below {@code /volumes}
 * @param emptyBase    whether the final stage builds on {@code scratch} (the C library must then be copied)
 */
public record HostRecipe(
        String template,
        String builderImage,
        String javaHome,
        List<String> modules,
        List<String> locales,
        boolean cds,
        String runtime,
        String startupCache,
        String uid,
        String gid,
        String workdir,
        String tmp,
        List<String> volumes,
        boolean emptyBase) {

    /** The template whose earlier stages a host build makes. */
    public static final String TEMPLATE = "bundled template java-service.ftl";

    private static final String FILE = "host-recipe.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public HostRecipe {
        modules = List.copyOf(modules);
        locales = List.copyOf(locales);
        volumes = List.copyOf(volumes);
    }

    /** Writes the recipe into {@code workDirectory}. */
    public void write(Path workDirectory) throws IOException {
        Files.createDirectories(workDirectory);
        JSON.writerWithDefaultPrettyPrinter()
                .writeValue(workDirectory.resolve(FILE).toFile(), this);
    }

    /** The recipe the last render wrote into {@code workDirectory}, if any. */
    public static Optional<HostRecipe> read(Path workDirectory) throws IOException {
        Path file = workDirectory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(JSON.readValue(file.toFile(), HostRecipe.class));
    }

    /** Whether the runtime has a stage of its own ({@code image.runtime=reactor}). */
    boolean reactorRuntime() {
        return "reactor".equals(runtime);
    }
}
