package dev.dockyard.image.maven;

import java.util.Map;
import java.util.WeakHashMap;

import javax.inject.Named;
import javax.inject.Singleton;

import org.apache.maven.execution.MavenSession;

import dev.dockyard.image.modules.ModuleScanner;
import dev.dockyard.image.render.DockerfileRenderer;
import dev.dockyard.image.render.TemplateEngines;

/**
 * Holds one renderer per build, shared by the modules of that build: modules that use the same template
 * directories share one Freemarker configuration and its parsed templates, and the module scan reads each library
 * once per build. A renderer (and every cache inside it) belongs to one build: it is keyed, weakly, by the build's
 * execution request, which the per-module copies of the session share, so a daemon that keeps this plugin loaded
 * (mvnd) starts every build with fresh caches and drops a finished build's.
 */
@Named
@Singleton
public class Renderers {

    private final Map<Object, DockerfileRenderer> byBuild = new WeakHashMap<>();

    /** @return the renderer of the session's build (thread-safe). */
    public DockerfileRenderer renderer(MavenSession session) {
        return renderer(session.getRequest());
    }

    /** @return the renderer of the build identified by {@code build}, created on first use. */
    synchronized DockerfileRenderer renderer(Object build) {
        return byBuild.computeIfAbsent(build, key -> new DockerfileRenderer(new TemplateEngines(),
                new ModuleScanner()));
    }

    /** @return how many builds hold a renderer now. */
    synchronized int builds() {
        return byBuild.size();
    }
}
