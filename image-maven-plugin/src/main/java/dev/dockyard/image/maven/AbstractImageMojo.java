package dev.dockyard.image.maven;

import static dev.dockyard.image.maven.ImageParameters.*;

import dev.dockyard.image.archive.ArchiveNames;
import dev.dockyard.image.dockerfile.ImageRef;
import dev.dockyard.image.engine.DockerEngine;
import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineAddress;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.engine.EngineLog;
import dev.dockyard.image.engine.Reconnect;
import dev.dockyard.image.render.DefaultImages;
import dev.dockyard.image.render.Packagings;
import dev.dockyard.image.support.ByteSize;
import dev.dockyard.image.support.DurationText;
import dev.dockyard.image.support.ModuleLock;
import dev.dockyard.image.support.UserFixableException;
import dev.dockyard.image.support.Values;
import dev.dockyard.image.verify.Check;
import dev.dockyard.image.verify.Verification;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The base of every goal: the module, the build, the one switch every goal reads ({@code image.skip}), and the
 * helpers the goals share (connecting to the engine, mapping its faults, parsing durations). Each goal declares the
 * other parameters it reads itself, with the property and default of {@link ImageParameters}, so that its
 * documentation lists exactly what it uses. Mojos stay thin: they check skip, build a plain request for a core
 * package, call it and map the result to log lines and exceptions.
 */
abstract class AbstractImageMojo extends AbstractMojo {

    /** The module being built. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** The running build (reactor projects, settings, start time). */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /** This goal's execution: its descriptor names the parameters' XML elements and properties. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    protected MojoExecution mojoExecution;

    /**
     * Skips every goal of this plugin for the module.
     *
     * @since 0.1.0
     */
    @Parameter(property = SKIP, defaultValue = SKIP_DEFAULT)
    protected String skip;

    /**
     * @return {@code true} when the goal should do nothing for this module (logged once): {@code image.skip}, or a
     *         packaging that gets no image ({@link Packagings}); every goal skips the same modules.
     */
    protected boolean skipped(String goal) throws MojoFailureException {
        if (flag(skip, "skip")) {
            getLog().info("Skipping image:" + goal + " (" + SKIP + "=true)");
            return true;
        }
        Optional<String> reason = Packagings.skipReason(project.getPackaging());
        reason.ifPresent(r -> getLog().info("Skipping image:" + goal + ": " + r));
        return reason.isPresent();
    }

    /**
     * @return {@code true} when the goal should do nothing (logged once): {@code image.skip} or the goal's own
     *         switch {@code property}; for the stack goals, which run whatever the module's packaging.
     */
    protected boolean skipped(String goal, boolean own, String property) throws MojoFailureException {
        boolean all = flag(skip, "skip");
        if (all || own) {
            getLog().info("Skipping image:" + goal + " (" + (all ? SKIP : property) + "=true)");
            return true;
        }
        return false;
    }

    /**
     * A boolean parameter's value: {@code true} or {@code false} (any case), nothing else. The mojos take booleans as
     * text because Maven reads any other word as {@code false}.
     *
     * @param name the parameter's name in the POM, for the message
     */
    protected boolean flag(String value, String name) throws MojoFailureException {
        try {
            return Values.bool(value, false);
        } catch (UserFixableException e) {
            throw failure(e.in(name));
        }
    }

    /**
     * A whole-number parameter's value, from {@code min} to {@code max}; taken as text so that a word gets this
     * plugin's message, not Maven's conversion error.
     */
    protected int number(String value, String name, int min, int max) throws MojoFailureException {
        try {
            return Values.integer(value, min, max);
        } catch (UserFixableException e) {
            throw failure(e.in(name));
        }
    }

    /** A TCP port parameter. */
    protected int port(String value, String name) throws MojoFailureException {
        return number(value, name, 1, 65535);
    }

    /** {@code port} first, then {@code more} without repeats, each a TCP port. */
    protected List<Integer> ports(String port, List<String> more) throws MojoFailureException {
        List<Integer> extra = new ArrayList<>();
        for (String p : more == null ? List.<String>of() : more) {
            if (p != null && !p.isBlank()) {
                extra.add(port(p, "ports"));
            }
        }
        return ServiceSettings.ports(port(port, "port"), extra);
    }

    /** The health check's port: {@code healthPort} when set, else the main one of {@code ports}. */
    protected int healthPort(String healthPort, List<Integer> ports) throws MojoFailureException {
        return healthPort != null ? port(healthPort, "healthPort") : ports.get(0);
    }

    /**
     * The base images the module's Dockerfile is rendered with: those set, else the defaults for the template and
     * the project's Java release ({@code maven.compiler.release}, else {@code maven.compiler.target}).
     */
    protected DefaultImages.Bases bases(String builderImage, String runtimeImage, String template) {
        int release = DefaultImages.release(
                project.getProperties().getProperty("maven.compiler.release"),
                project.getProperties().getProperty("maven.compiler.target"));
        return DefaultImages.bases(builderImage, runtimeImage, template, release);
    }

    /**
     * Named on the command line ({@code mvn verify image:build image:start}), a stack goal runs in every module of the
     * reactor: it acts once, in the last module, after every module's {@code image:build} has run; bound in a POM, it
     * acts in the module that binds it.
     *
     * @return {@code true} (logged) when this module is not the one
     */
    protected boolean notTheStacksModule(String goal) {
        List<MavenProject> reactor = session.getProjects();
        MavenProject last = reactor.get(reactor.size() - 1);
        if (mojoExecution.getSource() == MojoExecution.Source.CLI && !project.equals(last)) {
            getLog().info("image:" + goal + " runs once, in the reactor's last module (" + last.getArtifactId()
                    + "), after every image is built");
            return true;
        }
        return false;
    }

    /**
     * The image name a goal uses: {@code configured} as the user set it (in the POM, a property or {@code -D}), or, when
     * it is the default, the artifactId made valid ({@code MnHelloRest} gives {@code mnhellorest}), said once by
     * {@code image:dockerfile}. A name the user set is used as written, so an invalid one fails naming where.
     */
    protected String imageName(String configured) {
        String artifactId = project.getArtifactId();
        if (configured == null || !configured.strip().equals(artifactId) || imageNameSet()) {
            return configured;
        }
        String valid = ImageRef.repositoryFrom(artifactId);
        if (!valid.equals(artifactId) && "dockerfile".equals(goalName())) {
            getLog().info("Image name " + valid + ": the artifactId " + artifactId + " made a valid image name (set"
                    + " image.name to choose another)");
        }
        return valid;
    }

    /** Whether the user set {@code image.name}: as a property, or as {@code <imageName>} in the plugin's configuration. */
    private boolean imageNameSet() {
        if (session != null
                && (session.getUserProperties().containsKey(NAME)
                        || session.getCurrentProject() != null
                                && session.getCurrentProject().getProperties().containsKey(NAME))) {
            return true;
        }
        if (project.getProperties().containsKey(NAME)) {
            return true;
        }
        Xpp3Dom configuration = mojoExecution == null ? null : mojoExecution.getConfiguration();
        Xpp3Dom node = configuration == null ? null : configuration.getChild("imageName");
        return node != null
                && node.getValue() != null
                && !node.getValue().strip().equals("${" + NAME + "}");
    }

    private String goalName() {
        return mojoExecution == null ? null : mojoExecution.getGoal();
    }

    EngineLog engineLog() {
        return new MavenEngineLog(getLog(), this::text);
    }

    /**
     * Connects to the engine found through DOCKER_HOST, the Docker context or the default socket.
     *
     * Every request may stay silent for at most {@code engineTimeout} ({@code image.engineTimeout}).
     *
     * @throws MojoFailureException when none answers: the message names the address and the ways out
     */
    Engine connect(String engineTimeout) throws MojoFailureException, MojoExecutionException {
        List<String> problems = new ArrayList<>();
        Duration timeout = duration("engineTimeout", engineTimeout, problems);
        if (problems.isEmpty() && timeout.isZero()) {
            problems.add(failure(new UserFixableException("'" + engineTimeout + "' leaves the Docker engine no time to"
                                    + " answer: give how long it may stay silent during one request, e.g. 10m")
                            .in("engineTimeout"))
                    .getMessage());
        }
        failOn(problems);
        try {
            return DockerEngine.connect(EngineAddress.fromEnvironment(), engineLog(), timeout);
        } catch (EngineException e) {
            // unreachable, or a Docker context that does not exist: the user's setup, not a fault
            throw new MojoFailureException(Failures.text(e, goal()));
        }
    }

    /**
     * Holds this module's build context while the goal runs: two builds of the module at once (two {@code mvn}
     * processes) take turns, the second waiting at most 10 minutes with one line saying for whom.
     */
    ModuleLock lockModule() throws MojoFailureException, MojoExecutionException {
        Path locks = Path.of(System.getProperty("java.io.tmpdir"), "dockyard-locks-" + System.getProperty("user.name"));
        try {
            return ModuleLock.acquire(
                    project.getBasedir().toPath(),
                    "image:" + goalName() + " of " + project.getArtifactId(),
                    locks,
                    Duration.ofMinutes(10),
                    line -> getLog().info(line));
        } catch (UserFixableException e) {
            throw failure(e);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Could not lock the build context of " + project.getArtifactId() + " with a" + " file in " + locks
                            + ": " + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException(
                    "Interrupted while waiting for another build of " + project.getArtifactId(), e);
        }
    }

    /** How a shutdown hook reaches {@code engine}'s engine with a connection of its own. */
    Reconnect reconnect(Engine engine) {
        EngineAddress address = engine.address();
        EngineLog log = engineLog();
        return () -> DockerEngine.connect(address, log);
    }

    /** Maps an engine fault: build and setup problems fail the build, the rest is an execution error. */
    void rethrow(EngineException e) throws MojoFailureException, MojoExecutionException {
        Failures.rethrow(e, goal());
    }

    /** Whether {@code image.runtime} is {@code reactor}, after checking it is one of its choices. */
    boolean reactorRuntime(String runtime) throws MojoFailureException {
        return oneOf(
                        runtime,
                        "runtime",
                        "a runtime",
                        "module: the modules this service needs",
                        "reactor: one runtime of the modules every service of the reactor needs")
                .equals("reactor");
    }

    /**
     * {@code value} stripped when it is one of {@code choices} (each {@code "name: what it means"}); else the
     * failure naming the parameter and every choice.
     */
    String oneOf(String value, String parameter, String what, String... choices) throws MojoFailureException {
        String stripped = value == null ? "" : value.strip();
        StringBuilder use = new StringBuilder();
        for (String choice : choices) {
            String name = choice.substring(0, choice.indexOf(':'));
            if (name.equals(stripped)) {
                return stripped;
            }
            use.append(use.length() == 0 ? "" : " or ")
                    .append(name)
                    .append(" (")
                    .append(choice.substring(choice.indexOf(':') + 1).strip())
                    .append(')');
        }
        throw failure(new UserFixableException("'" + value + "' is not " + what + ": use " + use).in(parameter));
    }

    /** Maps a mistake of the user, naming the parameter at fault as this goal declares it. */
    MojoFailureException failure(UserFixableException e) {
        return Failures.failure(e, goal());
    }

    /** A text of the core with the parameters it names written as this goal's properties. */
    String text(String marked) {
        return Failures.text(marked, goal());
    }

    /** This goal's descriptor: the parameters' XML elements and properties. */
    private MojoDescriptor goal() {
        return mojoExecution == null ? null : mojoExecution.getMojoDescriptor();
    }

    /**
     * Fails the build naming the checks that failed, or logs that all passed.
     *
     * @param subject the image or archive checked
     * @param details where the failures are described
     */
    void verdict(String goal, Verification verification, String subject, String details) throws MojoFailureException {
        List<Check> failures = verification.failures();
        if (!failures.isEmpty()) {
            throw new MojoFailureException("image:" + goal + ": " + failures.size() + " of "
                    + verification.checks().size() + " checks failed for " + subject + ": "
                    + failures.stream().map(Check::name).collect(Collectors.joining(", ")) + " (" + details + ")");
        }
        getLog().info("image:" + goal + ": all " + verification.checks().size() + " checks passed for " + subject + " ("
                + ByteSize.format(verification.image().size()) + ")");
    }

    /** Where image:save writes the archive by default: {@code target/<image-name>-<version>.tar.gz}. */
    Path savedArchive(String imageName) {
        return Path.of(project.getBuild().getDirectory())
                .resolve(ArchiveNames.archive(imageName, project.getVersion()));
    }

    /**
     * What identifies the stack of this module: its artifactId and a digest of its directory, so that two
     * checkouts sharing an engine do not clean up each other's stacks.
     */
    String stackKey() {
        String path = project.getBasedir().getAbsolutePath();
        String digest = Integer.toHexString(path.hashCode() & 0xfffffff | 0x10000000);
        return project.getArtifactId() + "-" + digest;
    }

    /** A duration parameter; a value that does not parse is added to {@code problems}. */
    Duration duration(String parameter, String value, List<String> problems) {
        try {
            return DurationText.parse(value);
        } catch (UserFixableException e) {
            problems.add(failure(e.in(parameter)).getMessage());
            return Duration.ZERO;
        }
    }

    /** A size parameter in bytes; a value that does not parse is added to {@code problems}. */
    long size(String parameter, String value, List<String> problems) {
        try {
            return ByteSize.parse(value);
        } catch (UserFixableException e) {
            problems.add(failure(e.in(parameter)).getMessage());
            return 0;
        }
    }

    /** Fails the build listing every problem, when there is one. */
    static void failOn(List<String> problems) throws MojoFailureException {
        if (!problems.isEmpty()) {
            throw new MojoFailureException(String.join("; ", problems));
        }
    }

    String relative(File file) {
        return relative(file.toPath());
    }

    String relative(Path path) {
        return project.getBasedir().toPath().relativize(path).toString();
    }
}
