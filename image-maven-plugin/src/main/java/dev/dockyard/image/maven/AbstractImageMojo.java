package dev.dockyard.image.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import dev.dockyard.image.render.Packagings;

/**
 * Parameters and helpers shared by every goal of the plugin. Mojos stay thin: they check skip, build a plain
 * request for a core package, call it and map the result to log lines and exceptions.
 */
abstract class AbstractImageMojo extends AbstractMojo {

    /** The module being built. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** The running build (reactor projects, settings, start time). */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /**
     * Skips every goal of this plugin for the module.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * Directory the Dockerfile, the {@code .dockerignore} and the staged build context are written to.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.outputDirectory", defaultValue = "${project.build.directory}/docker")
    protected File outputDirectory;

    /**
     * Directory machine-readable reports (lint, image, verification) are written to.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.reportsDirectory", defaultValue = "${project.build.directory}/image-reports")
    protected File reportsDirectory;

    /**
     * Directory for intermediate files that are not part of the build context: caches of the staging and of the module scan,
     * the context tar sent to the engine.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.workDirectory", defaultValue = "${project.build.directory}/image-work")
    protected File workDirectory;

    /**
     * Image repository name, optionally with a registry prefix, e.g. {@code registry.example.com/shop/orders}.
     * Lower-case letters, digits, {@code .}, {@code _}, {@code -} and {@code /} only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.name", defaultValue = "${project.artifactId}")
    protected String imageName;

    /**
     * Tags given to the built image. On the command line, a comma-separated list: {@code -Dimage.tags=1.2.0,latest}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.tags", defaultValue = "${project.version}")
    protected List<String> tags;

    /** Value of {@code healthPath} that turns the health check (and the HTTP probe) off. */
    static final String NO_HEALTH_CHECK = "none";

    /**
     * The service's main TCP port: exposed by the rendered image, required to be exposed by {@code image:verify},
     * and probed by the health check.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.port", defaultValue = "8080")
    protected int port;

    /**
     * More TCP ports to expose (and to require exposed), besides {@link #port}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.ports")
    protected List<Integer> ports = new ArrayList<>();

    /**
     * Path the image's health check requests with HTTP GET, and {@code image:verify} probes through the published
     * port; {@code none} for neither.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.healthPath", defaultValue = "/health")
    protected String healthPath;

    /**
     * Container port of the health check and the HTTP probe; defaults to {@link #port}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.healthPort")
    protected Integer healthPort;

    /**
     * @return {@code true} when the goal should do nothing for this module (logged once): {@code image.skip}, or a
     *         packaging that gets no image ({@link Packagings}); every goal skips the same modules.
     */
    protected boolean skipped(String goal) {
        if (skip) {
            getLog().info("Skipping image:" + goal + " (image.skip=true)");
            return true;
        }
        Optional<String> reason = Packagings.skipReason(project.getPackaging());
        reason.ifPresent(r -> getLog().info("Skipping image:" + goal + ": " + r));
        return reason.isPresent();
    }
}
