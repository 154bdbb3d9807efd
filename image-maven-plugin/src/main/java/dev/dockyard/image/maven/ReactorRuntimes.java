package dev.dockyard.image.maven;

import static dev.dockyard.image.maven.ImageParameters.ADDITIONAL_MODULES;
import static dev.dockyard.image.maven.ImageParameters.RUNTIME;

import dev.dockyard.image.modules.ModuleScanner;
import dev.dockyard.image.modules.ReactorRuntime;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.DefaultDependencyResolutionRequest;
import org.apache.maven.project.DependencyResolutionException;
import org.apache.maven.project.DependencyResolutionResult;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyNode;

/**
 * The reactor's one runtime ({@code image.runtime=reactor}), computed once per build, whichever service asks first
 * (modules of a parallel build wait for it; the computation itself waits for no other module), and reported in one
 * line. Each service's inputs are read without its build having run: its third-party runtime jars, resolved here,
 * and its sources with those of the reactor modules it depends on. Kept per build (weakly, by the build's execution
 * request), so a daemon that keeps the plugin loaded computes it anew for every build.
 */
@Named
@Singleton
public class ReactorRuntimes {

    private static final Set<String> RUNTIME_SCOPES = Set.of("compile", "runtime");

    private final ProjectDependenciesResolver resolver;
    private final Map<Object, Map<Integer, Once>> byBuild = new WeakHashMap<>();
    private final Map<Object, Object> stageLocks = new WeakHashMap<>();

    @Inject
    public ReactorRuntimes(ProjectDependenciesResolver resolver) {
        this.resolver = resolver;
    }

    /** The object the builds of earlier stages of {@code session}'s build hold, one at a time (thread-safe). */
    public synchronized Object stages(MavenSession session) {
        return stageLocks.computeIfAbsent(session.getRequest(), key -> new Object());
    }

    /**
     * The union of the modules the services of {@code session}'s reactor need, for the JDK of {@code release}, scanned
     * with the build's {@code scanner} (the renders then find those jars' facts in it).
     */
    public ReactorRuntime.Union union(MavenSession session, int release, ModuleScanner scanner, Log log)
            throws MojoExecutionException, MojoFailureException {
        Once once;
        synchronized (this) {
            once = byBuild.computeIfAbsent(session.getRequest(), key -> new HashMap<>())
                    .computeIfAbsent(release, key -> new Once());
        }
        return once.get(() -> compute(session, release, scanner, log));
    }

    private ReactorRuntime.Union compute(MavenSession session, int release, ModuleScanner scanner, Log log)
            throws MojoExecutionException, MojoFailureException {
        Map<String, MavenProject> reactor = new HashMap<>();
        for (MavenProject project : session.getProjects()) {
            reactor.put(project.getGroupId() + ":" + project.getArtifactId(), project);
        }
        List<ReactorRuntime.Service> services = new ArrayList<>();
        for (ReactorServices.RuntimeSettings settings : ReactorServices.runtimeSettings(session)) {
            MavenProject project = settings.project();
            List<Path> jars = new ArrayList<>();
            Set<Path> sources = new LinkedHashSet<>(roots(project));
            DependencyResolutionResult result = resolve(session, project, reactor.keySet());
            for (Dependency dependency : result.getResolvedDependencies()) {
                File file = dependency.getArtifact().getFile();
                if (RUNTIME_SCOPES.contains(dependency.getScope()) && file != null && file.isFile()) {
                    jars.add(file.toPath());
                }
            }
            reactorDependencies(result.getDependencyGraph(), reactor, sources);
            services.add(new ReactorRuntime.Service(
                    project.getArtifactId(),
                    jars,
                    List.copyOf(sources),
                    settings.jlinkModules(),
                    settings.additionalModules(),
                    settings.jvmOptions(),
                    settings.locales()));
        }
        ReactorRuntime.Union union;
        try {
            union = ReactorRuntime.of(scanner, services, release);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Could not compute the reactor's runtime (" + RUNTIME + "=reactor): " + e.getMessage(), e);
        }
        for (String warning : union.warnings()) {
            log.warn(warning);
        }
        log.info("Reactor runtime (" + RUNTIME + "=reactor) of " + services.size() + " service"
                + (services.size() == 1 ? "" : "s") + ", linked once for all of them: " + union.describe()
                + (union.needs().size() > 1 ? "; a module followed by services is needed by those only" : "")
                + "; add more with " + ADDITIONAL_MODULES);
        return union;
    }

    /** The project's third-party dependencies (reactor modules are read from their sources, not resolved). */
    private DependencyResolutionResult resolve(MavenSession session, MavenProject project, Set<String> reactor)
            throws MojoExecutionException {
        DefaultDependencyResolutionRequest request =
                new DefaultDependencyResolutionRequest(project, session.getRepositorySession());
        request.setResolutionFilter((node, parents) -> {
            Artifact artifact = node.getArtifact();
            Dependency dependency = node.getDependency();
            return artifact == null
                    || dependency == null
                    || (RUNTIME_SCOPES.contains(dependency.getScope())
                            && !reactor.contains(artifact.getGroupId() + ":" + artifact.getArtifactId()));
        });
        try {
            return resolver.resolve(request);
        } catch (DependencyResolutionException e) {
            throw new MojoExecutionException(
                    "Could not resolve the dependencies of " + project.getId() + " for the reactor's runtime ("
                            + RUNTIME + "=reactor): " + e.getMessage(),
                    e);
        }
    }

    /** Adds the source directories of the reactor modules {@code node} depends on at run time. */
    private static void reactorDependencies(DependencyNode node, Map<String, MavenProject> reactor, Set<Path> sources) {
        for (DependencyNode child : node.getChildren()) {
            Dependency dependency = child.getDependency();
            if (dependency == null || !RUNTIME_SCOPES.contains(dependency.getScope())) {
                continue;
            }
            Artifact artifact = dependency.getArtifact();
            MavenProject module = reactor.get(artifact.getGroupId() + ":" + artifact.getArtifactId());
            if (module != null) {
                sources.addAll(roots(module));
            }
            reactorDependencies(child, reactor, sources);
        }
    }

    private static List<Path> roots(MavenProject project) {
        return project.getCompileSourceRoots().stream().map(Path::of).toList();
    }

    /** A computation any number of modules ask for at once, made by the first. */
    private static final class Once {
        private ReactorRuntime.Union value;

        synchronized ReactorRuntime.Union get(Computation compute) throws MojoExecutionException, MojoFailureException {
            if (value == null) {
                value = compute.run();
            }
            return value;
        }
    }

    private interface Computation {
        ReactorRuntime.Union run() throws MojoExecutionException, MojoFailureException;
    }
}
