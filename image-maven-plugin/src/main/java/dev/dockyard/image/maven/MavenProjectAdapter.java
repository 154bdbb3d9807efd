package dev.dockyard.image.maven;

import dev.dockyard.image.render.ProjectFacts;
import dev.dockyard.image.render.ProjectInfo;
import dev.dockyard.image.stage.ArtifactInput;
import dev.dockyard.image.stage.Layer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.archiver.MavenArchiver;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.License;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Turns the Maven model of one module (its {@link MavenProject}, its resolved artifacts, the session's reactor)
 * into the plain inputs of the core. The only place that knows what a Maven artifact is: it classifies each runtime
 * dependency as a third-party release, a snapshot, or a module of the same reactor, and finds the module's own
 * artifact (the application).
 */
final class MavenProjectAdapter {

    /** The property that fixes the time of reproducible output. */
    static final String OUTPUT_TIMESTAMP = "project.build.outputTimestamp";

    private final MavenProject project;
    private final MavenSession session;

    MavenProjectAdapter(MavenProject project, MavenSession session) {
        this.project = project;
        this.session = session;
    }

    Path baseDirectory() {
        return project.getBasedir().toPath();
    }

    /** The commit the module's work tree is at, if it is in a git checkout. */
    Optional<String> gitRevision() {
        return ProjectFacts.gitRevision(baseDirectory());
    }

    /** {@link #gitRevision()}, sharing the look-ups of the build's other modules ({@code byParent}). */
    Optional<String> gitRevision(Map<Path, Optional<String>> byParent) {
        return ProjectFacts.gitRevision(baseDirectory(), byParent);
    }

    /** {@code path} relative to the module directory, as log lines show it. */
    String relative(Path path) {
        return baseDirectory().relativize(path.toAbsolutePath()).toString();
    }

    /**
     * The layer a runtime dependency belongs in: another module of the reactor, a snapshot from elsewhere, or a
     * third-party release.
     *
     * @param reactor {@code groupId:artifactId:baseVersion} of every project of the build
     */
    static Layer classify(Artifact artifact, Set<String> reactor) {
        if (reactor.contains(key(artifact.getGroupId(), artifact.getArtifactId(), artifact.getBaseVersion()))) {
            return Layer.MODULES;
        }
        return artifact.isSnapshot() ? Layer.SNAPSHOT_DEPENDENCIES : Layer.DEPENDENCIES;
    }

    /** Whether the dependency is part of the runtime class path: compile or runtime scope, a class-path type. */
    static boolean onRuntimeClassPath(Artifact artifact) {
        return artifact.getArtifactHandler() != null
                && artifact.getArtifactHandler().isAddedToClasspath()
                && (Artifact.SCOPE_COMPILE.equals(artifact.getScope())
                        || Artifact.SCOPE_RUNTIME.equals(artifact.getScope()));
    }

    /** The runtime dependencies, each in its layer, in class-path order. */
    List<ArtifactInput> runtimeArtifacts() throws MojoFailureException {
        return runtimeArtifacts(reactorKeys(session));
    }

    /** {@code groupId:artifactId:version} of every project of the session's build. */
    static Set<String> reactorKeys(MavenSession session) {
        Set<String> keys = new HashSet<>();
        for (MavenProject p : session.getProjects()) {
            keys.add(key(p.getGroupId(), p.getArtifactId(), p.getVersion()));
        }
        return Set.copyOf(keys);
    }

    /**
     * The runtime dependencies, each in its layer, in class-path order.
     *
     * @param reactor the build's {@link #reactorKeys(MavenSession)}, which the modules of one build can share
     */
    List<ArtifactInput> runtimeArtifacts(Set<String> reactor) throws MojoFailureException {
        List<ArtifactInput> inputs = new ArrayList<>();
        for (Artifact artifact : project.getArtifacts()) {
            if (!onRuntimeClassPath(artifact)) {
                continue;
            }
            File file = artifact.getFile();
            if (file == null || !file.isFile()) {
                throw new MojoFailureException("Dependency " + artifact.getId() + " resolves to " + file
                        + ", not a jar: build the reactor to the package phase (mvn package) so that modules are"
                        + " packaged before their images are rendered.");
            }
            inputs.add(new ArtifactInput(file.toPath(), classify(artifact, reactor), artifact.getGroupId()));
        }
        return inputs;
    }

    /** The module's own jar (the application layer). */
    Path applicationJar() throws MojoFailureException {
        File file = project.getArtifact().getFile();
        // packaging quarkus: no module jar beside the fast-jar, whose quarkus-run.jar stands for it
        File quarkus = new File(project.getBuild().getDirectory(), "quarkus-app/quarkus-run.jar");
        if ((file == null || !file.isFile()) && quarkus.isFile()) {
            file = quarkus;
        }
        if (file == null || !file.isFile()) {
            throw new MojoFailureException("The jar of " + project.getArtifactId() + " is not built yet: run"
                    + " image:dockerfile in the package phase or later (mvn package), after the jar plugin.");
        }
        return file.toPath();
    }

    /**
     * A runnable jar maven-shade-plugin writes beside the module's jar, as its configuration in the POM says (an
     * {@code outputFile}, or the attached {@code shadedClassifierName} jar), when this build wrote it: not older
     * than the module's jar. The shaded jar holds what the application runs (merged service files, relocations),
     * so it is staged instead of the thin jar.
     *
     * @param jar the module's jar
     * @return the shaded jar and why it was chosen, or empty when the POM shades into the module's jar itself (the
     *     default: then that jar is the shaded one) or not at all
     */
    Optional<Map.Entry<Path, String>> shadedBeside(Path jar) {
        Plugin shade = project.getPlugin("org.apache.maven.plugins:maven-shade-plugin");
        if (shade == null) {
            return Optional.empty();
        }
        for (PluginExecution execution : shade.getExecutions()) {
            if (!execution.getGoals().contains("shade")) {
                continue;
            }
            Xpp3Dom config =
                    Xpp3Dom.mergeXpp3Dom((Xpp3Dom) execution.getConfiguration(), (Xpp3Dom) shade.getConfiguration());
            String outputFile = value(config, "outputFile");
            Path candidate;
            String why;
            if (outputFile != null) {
                Path path = Path.of(outputFile);
                candidate =
                        path.isAbsolute() ? path : project.getBasedir().toPath().resolve(path);
                why = "maven-shade-plugin's outputFile";
            } else if ("true".equalsIgnoreCase(value(config, "shadedArtifactAttached"))) {
                String classifier = Optional.ofNullable(value(config, "shadedClassifierName"))
                        .orElse("shaded");
                String name = Optional.ofNullable(value(config, "finalName"))
                        .orElse(project.getBuild().getFinalName());
                candidate = Path.of(project.getBuild().getDirectory(), name + "-" + classifier + ".jar");
                why = "maven-shade-plugin's attached jar (classifier " + classifier + ")";
            } else {
                continue;
            }
            candidate = candidate.toAbsolutePath().normalize();
            if (candidate.equals(jar.toAbsolutePath().normalize()) || !Files.isRegularFile(candidate)) {
                continue;
            }
            try {
                if (Files.getLastModifiedTime(candidate).toMillis()
                        < Files.getLastModifiedTime(jar).toMillis() - STALE_SLACK_MILLIS) {
                    continue; // older than the module's jar: left by an earlier build
                }
            } catch (IOException e) {
                continue;
            }
            return Optional.of(Map.entry(candidate, why));
        }
        return Optional.empty();
    }

    /** How much older than the module's jar a shaded jar may be and still count as this build's. */
    private static final long STALE_SLACK_MILLIS = 2_000;

    private static String value(Xpp3Dom config, String name) {
        Xpp3Dom child = config == null ? null : config.getChild(name);
        String value = child == null ? null : child.getValue();
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The POM's facts the templates may use. */
    ProjectInfo projectInfo() {
        MavenProject p = project;
        Map<String, String> properties = new LinkedHashMap<>();
        for (String name : p.getProperties().stringPropertyNames()) {
            properties.put(name, p.getProperties().getProperty(name));
        }
        return new ProjectInfo(
                p.getGroupId(),
                p.getArtifactId(),
                p.getVersion(),
                p.getName() != null && !p.getName().isBlank() ? p.getName() : p.getArtifactId(),
                nullToEmpty(p.getDescription()),
                nullToEmpty(p.getUrl()),
                p.getScm() != null ? nullToEmpty(p.getScm().getUrl()) : "",
                licenses(p),
                p.getOrganization() != null ? nullToEmpty(p.getOrganization().getName()) : "",
                properties);
    }

    /**
     * {@code project.build.outputTimestamp}, read as the jar plugin reads it
     * ({@link MavenArchiver#parseBuildOutputTimestamp}): an ISO-8601 date-time with offset or seconds since the
     * epoch, between 1980 and 2099; a value shorter than two characters means "not set".
     *
     * @return the instant, or empty when not set
     * @throws MojoFailureException naming the property and the value when it is neither form
     */
    Optional<Instant> outputTimestamp() throws MojoFailureException {
        String value = property(OUTPUT_TIMESTAMP);
        try {
            return MavenArchiver.parseBuildOutputTimestamp(value);
        } catch (IllegalArgumentException e) {
            boolean unreadable = e.getMessage() == null || e.getMessage().startsWith("Invalid");
            throw new MojoFailureException(OUTPUT_TIMESTAMP
                    + (unreadable
                            ? " '" + value + "' is neither an ISO-8601"
                                    + " date-time with offset (2026-01-01T00:00:00Z) nor seconds since the epoch"
                            : ": " + e.getMessage())
                    + ": fix the property in the POM.");
        }
    }

    private static List<String> licenses(MavenProject p) {
        List<String> names = new ArrayList<>();
        for (License license : p.getLicenses()) {
            if (license.getName() != null && !license.getName().isBlank()) {
                names.add(license.getName());
            }
        }
        return List.copyOf(names);
    }

    /** A POM property, or {@code null}. */
    String property(String name) {
        return project.getProperties().getProperty(name);
    }

    private static String key(String groupId, String artifactId, String version) {
        return groupId + ":" + artifactId + ":" + version;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
