package dev.dockyard.image.render;

import dev.dockyard.image.host.HostRecipe;
import dev.dockyard.image.model.ImageDetails;
import dev.dockyard.image.probe.HealthProbe;
import dev.dockyard.image.stage.ContextStager;
import dev.dockyard.image.stage.StagedLayer;
import dev.dockyard.image.support.DurationText;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the data model every template sees. Documented in the templates README; keep the two in step. Only maps,
 * lists, strings and numbers, in a fixed order, so that rendering is deterministic.
 */
final class DataModel {

    /** Where the trimmed (or base) Java runtime lives in {@code java-service} images. */
    static final String JAVA_HOME = "/opt/java";
    /** Where the startup cache's archive lies in the image, in a directory (and layer) of its own. */
    static final String CACHE_DIRECTORY = "/opt/dockyard/startup/";
    /** Where the training run writes the archive: below /tmp, which every image has writable for its user. */
    static final String TRAINING_DIRECTORY = "/tmp/dockyard-startup/";
    /** Ends Spring Boot's training run once the context is refreshed (Spring Boot 3.2 and later). */
    static final String SPRING_EXIT_ON_REFRESH = "-Dspring.context.exit=onRefresh";
    /** Where the health probe is copied in the image. */
    static final String PROBE_TARGET = "/opt/dockyard/probe";
    /** JVM flags every service gets: size the heap from the container's memory limit, die on OOM. */
    static final List<String> CONTAINER_JVM_OPTIONS =
            List.of("-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError");
    /** JVM flags of the short-lived health probe: start fast, stay small, write nothing. */
    static final List<String> PROBE_JVM_OPTIONS =
            List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx16m", "-XX:-UsePerfData");

    private DataModel() {}

    static Map<String, Object> build(
            RenderRequest request,
            ContextStager.Staging staging,
            List<String> modules,
            String mainClass,
            boolean jarLaunch,
            boolean springBoot,
            List<String> memory,
            String templateName) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("project", project(request.project()));
        model.put("image", image(request));
        if (request.health() != null) {
            model.put("health", health(request.health()));
        }
        Map<String, Object> jvm = jvm(request, staging, modules, mainClass, jarLaunch, memory);
        Map<String, Object> cache = cache(request, springBoot);
        jvm.put("cache", cache);
        if (!cache.get("kind").equals(JvmSettings.NO_CACHE)) {
            // what image:verify reads to tell whether the JVM used the archive
            @SuppressWarnings("unchecked")
            Map<String, String> labels = (Map<String, String>) ((Map<String, Object>) model.get("image")).get("labels");
            labels.put(ImageDetails.STARTUP_CACHE_LABEL, (String) cache.get("kind"));
            labels.put(ImageDetails.MAIN_CLASS_LABEL, mainClass);
        }
        // the runtime's own CDS archive (jlink --generate-cds-archive): the base an AppCDS archive is trained on
        jvm.put("cds", request.jvm().cacheKind().equals("cds"));
        model.put("jvm", jvm);
        model.put("base", Map.of("builder", request.builderImage(), "runtime", request.runtimeImage()));
        model.put("layers", layers(request.image().workdir(), staging.layers()));
        model.put(
                "probe",
                Map.of(
                        "source",
                        ContextStager.PROBE_DIRECTORY + "/",
                        "target",
                        PROBE_TARGET + "/",
                        "mainClass",
                        ContextStager.PROBE_MAIN_CLASS,
                        "options",
                        PROBE_JVM_OPTIONS));
        model.put("dockyard", Map.of("version", request.dockyardVersion(), "template", templateName));
        model.put("quote", TemplateFunctions.QUOTE);
        model.put("execForm", TemplateFunctions.EXEC_FORM);
        model.put("sh", TemplateFunctions.SH);
        return model;
    }

    private static Map<String, Object> project(ProjectInfo project) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("groupId", project.groupId());
        map.put("artifactId", project.artifactId());
        map.put("version", project.version());
        map.put("name", project.name());
        map.put("description", project.description());
        map.put("url", project.url());
        map.put("properties", new TreeMap<>(project.properties()));
        return map;
    }

    private static Map<String, Object> image(RenderRequest request) {
        ImageSettings image = request.image();
        String[] ids = image.user().split(":", 2);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", image.name());
        map.put("tags", image.tags());
        map.put("reference", image.name() + ":" + image.tags().get(0));
        map.put("user", image.user());
        map.put("uid", ids[0]);
        map.put("gid", ids.length > 1 ? ids[1] : ids[0]);
        map.put("workdir", image.workdir());
        map.put("ports", image.ports());
        map.put("volumes", image.volumes());
        map.put("tmp", "/tmp");
        map.put("env", new TreeMap<>(image.env()));
        map.put("labels", labels(request));
        return map;
    }

    /** OCI annotation labels from the POM, then the user's labels (which may override them). */
    static Map<String, String> labels(RenderRequest request) {
        ProjectInfo project = request.project();
        Map<String, String> labels = new TreeMap<>();
        String prefix = "org.opencontainers.image.";
        labels.put(prefix + "title", project.name());
        putIfPresent(labels, prefix + "description", project.description());
        labels.put(prefix + "version", project.version());
        putIfPresent(labels, prefix + "revision", request.gitRevision());
        Instant created = request.outputTimestamp();
        if (created != null) {
            labels.put(prefix + "created", DateTimeFormatter.ISO_INSTANT.format(created));
        }
        putIfPresent(labels, prefix + "source", project.scmUrl());
        putIfPresent(labels, prefix + "url", project.url());
        putIfPresent(labels, prefix + "licenses", String.join(" AND ", project.licenses()));
        putIfPresent(labels, prefix + "vendor", project.vendor());
        labels.putAll(request.image().labels());
        return labels;
    }

    private static void putIfPresent(Map<String, String> labels, String key, String value) {
        if (value != null && !value.isBlank()) {
            labels.put(key, value.strip());
        }
    }

    private static Map<String, Object> health(HealthSettings health) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("path", health.path());
        map.put("port", health.port());
        // validated with the one duration grammar; written as Docker's flags take it
        map.put("interval", DurationText.dockerText(health.interval()));
        map.put("timeout", DurationText.dockerText(health.timeout()));
        map.put("retries", health.retries());
        map.put("startPeriod", DurationText.dockerText(health.startPeriod()));
        map.put("url", "http://127.0.0.1:" + health.port() + health.path());
        return map;
    }

    private static Map<String, Object> jvm(
            RenderRequest request,
            ContextStager.Staging staging,
            List<String> modules,
            String mainClass,
            boolean jarLaunch,
            List<String> memory) {
        List<String> options = new ArrayList<>(CONTAINER_JVM_OPTIONS);
        options.addAll(memory);
        options.addAll(request.jvm().options());
        List<String> classpath = new ArrayList<>();
        for (String entry : staging.classpath()) {
            classpath.add(request.image().workdir() + "/" + entry);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("mainClass", mainClass);
        map.put("options", options);
        // how the application starts: java -jar for a jar that needs it (and holds everything), else the class path
        map.put(
                "launch",
                jarLaunch ? List.of("-jar", classpath.get(0)) : List.of("-cp", String.join(":", classpath), mainClass));
        map.put("args", request.jvm().args());
        map.put("modules", modules);
        map.put("runtime", request.jvm().reactorModules().isEmpty() ? "module" : "reactor");
        map.put("locales", request.jvm().locales());
        map.put("classpath", classpath);
        map.put("home", JAVA_HOME);
        return map;
    }

    /**
     * The startup cache: {@code kind} ({@code none}, {@code cds} or {@code aot}), the archive's {@code directory} and
     * {@code file}, the entry point's {@code options} that use it, the training JVM's {@code trainOptions} that write
     * it, and the probe's {@code trainArgs} that run the training to its end point.
     */
    private static Map<String, Object> cache(RenderRequest request, boolean springBoot) {
        JvmSettings jvm = request.jvm();
        String kind = jvm.cacheKind();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", kind);
        String name = kind.equals("aot") ? "app.aot" : "app.jsa";
        String file = CACHE_DIRECTORY + name;
        map.put("directory", CACHE_DIRECTORY);
        map.put("training", TRAINING_DIRECTORY);
        map.put("file", file);
        List<String> options = new ArrayList<>();
        List<String> train = new ArrayList<>();
        switch (kind) {
            case "cds" -> {
                options.add("-XX:SharedArchiveFile=" + file);
                options.add("-Xshare:auto");
                train.add("-XX:ArchiveClassesAtExit=" + TRAINING_DIRECTORY + name);
            }
            case "aot" -> {
                options.add("-XX:AOTCache=" + file);
                train.add("-XX:AOTCacheOutput=" + TRAINING_DIRECTORY + name);
            }
            default -> {}
        }
        boolean untilHealthy = request.health() != null && jvm.trainsUntilHealthy(springBoot);
        if (springBoot && !untilHealthy) {
            train.add(SPRING_EXIT_ON_REFRESH);
        }
        map.put("options", options);
        map.put("trainOptions", train);
        String endPoint = untilHealthy
                ? "http://127.0.0.1:" + request.health().port()
                        + request.health().path()
                : HealthProbe.EXITS_BY_ITSELF;
        map.put(
                "trainArgs",
                List.of(
                        HealthProbe.TRAIN,
                        Long.toString(Math.max(1, jvm.trainingTimeout().toSeconds())),
                        endPoint,
                        TRAINING_DIRECTORY + name));
        return map;
    }

    private static List<Map<String, Object>> layers(String workdir, List<StagedLayer> staged) {
        List<Map<String, Object>> layers = new ArrayList<>();
        for (StagedLayer layer : staged) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("name", layer.name());
            map.put("source", layer.contextDirectory() + "/");
            map.put("target", workdir + "/" + (layer.imageDirectory().isEmpty() ? "" : layer.imageDirectory() + "/"));
            map.put("files", layer.files());
            map.put("bytes", layer.bytes());
            layers.add(map);
        }
        return layers;
    }

    /** What the bundled template's earlier stages make, as data, for a build without an engine. */
    @SuppressWarnings("unchecked")
    static HostRecipe hostRecipe(Map<String, Object> model, String template) {
        Map<String, Object> image = (Map<String, Object>) model.get("image");
        Map<String, Object> jvm = (Map<String, Object>) model.get("jvm");
        Map<String, Object> cache = (Map<String, Object>) jvm.get("cache");
        Map<String, Object> base = (Map<String, Object>) model.get("base");
        return new HostRecipe(
                template,
                (String) base.get("builder"),
                (String) jvm.get("home"),
                (List<String>) jvm.get("modules"),
                (List<String>) jvm.get("locales"),
                (Boolean) jvm.get("cds"),
                (String) jvm.get("runtime"),
                (String) cache.get("kind"),
                String.valueOf(image.get("uid")),
                String.valueOf(image.get("gid")),
                (String) image.get("workdir"),
                (String) image.get("tmp"),
                (List<String>) image.get("volumes"),
                "scratch".equals(base.get("runtime")));
    }
}
