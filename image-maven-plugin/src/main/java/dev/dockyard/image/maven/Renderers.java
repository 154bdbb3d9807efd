package dev.dockyard.image.maven;

import dev.dockyard.image.modules.ModuleScanner;
import dev.dockyard.image.render.DockerfileRenderer;
import dev.dockyard.image.render.TemplateEngines;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.execution.MavenSession;

/**
 * Holds one renderer per build, shared by the modules of that build: modules that use the same template
 * directories share one Freemarker configuration and its parsed templates, and the module scan reads each library
 * once per build. It also keeps the build's reactor (the projects' coordinates), which every module needs to tell
 * reactor dependencies from others, and the git revisions it read. A renderer (and every cache inside it) belongs to one build: it is keyed, weakly, by the build's
 * execution request, which the per-module copies of the session share, so a daemon that keeps this plugin loaded
 * (mvnd) starts every build with fresh caches and drops a finished build's.
 */
@Named
@Singleton
public class Renderers {

    private final Map<Object, DockerfileRenderer> byBuild = new WeakHashMap<>();
    private final Map<Object, ModuleScanner> scanners = new WeakHashMap<>();
    private final Map<Object, Set<String>> reactors = new WeakHashMap<>();
    private final Map<Object, Map<Path, Optional<String>>> revisions = new WeakHashMap<>();

    /** @return the renderer of the session's build (thread-safe). */
    public DockerfileRenderer renderer(MavenSession session) {
        return renderer(session.getRequest());
    }

    /** @return the renderer of the build identified by {@code build}, created on first use. */
    synchronized DockerfileRenderer renderer(Object build) {
        return byBuild.computeIfAbsent(build, key -> new DockerfileRenderer(new TemplateEngines(), scanner(build)));
    }

    /**
     * @return the module scanner of the session's build, the one its renderer uses: a jar the reactor's runtime
     *     scanned is not scanned again by the render (thread-safe)
     */
    public ModuleScanner scanner(MavenSession session) {
        return scanner(session.getRequest());
    }

    private synchronized ModuleScanner scanner(Object build) {
        return scanners.computeIfAbsent(build, key -> new ModuleScanner());
    }

    /**
     * @return {@code groupId:artifactId:version} of every project of the session's build, computed once per build
     *         (thread-safe)
     */
    public synchronized Set<String> reactor(MavenSession session) {
        return reactors.computeIfAbsent(session.getRequest(), key -> MavenProjectAdapter.reactorKeys(session));
    }

    /** @return the build's git revisions by directory, for {@link MavenProjectAdapter#gitRevision(Map)} */
    public synchronized Map<Path, Optional<String>> gitRevisions(MavenSession session) {
        return revisions.computeIfAbsent(session.getRequest(), key -> new ConcurrentHashMap<>());
    }

    /** @return how many builds hold a renderer now. */
    synchronized int builds() {
        return byBuild.size();
    }
}
