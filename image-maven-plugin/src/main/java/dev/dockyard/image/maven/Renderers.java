package dev.dockyard.image.maven;

import javax.inject.Named;
import javax.inject.Singleton;

import dev.dockyard.image.modules.ModuleScanner;
import dev.dockyard.image.render.DockerfileRenderer;
import dev.dockyard.image.render.TemplateEngines;

/**
 * Holds the renderer shared by the modules of a build, so modules that use the same template directories share one
 * Freemarker configuration and its parsed templates, and the module scan reads each library once per build.
 */
@Named
@Singleton
public class Renderers {

    private final DockerfileRenderer renderer = new DockerfileRenderer(new TemplateEngines(), new ModuleScanner());

    /** @return the shared renderer (thread-safe). */
    public DockerfileRenderer renderer() {
        return renderer;
    }
}
