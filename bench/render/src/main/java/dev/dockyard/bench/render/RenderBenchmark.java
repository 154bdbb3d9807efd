package dev.dockyard.bench.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.dockyard.image.render.DockerfileRenderer;
import dev.dockyard.image.render.Layer;
import dev.dockyard.image.render.RenderRequest;
import dev.dockyard.image.render.RenderResult;
import dev.dockyard.image.render.StagedLayer;
import dev.dockyard.image.render.TemplateEngines;

/**
 * {@code DockerfileRenderer.render} for one service module (application jar + 2 reactor-module jars + 41
 * third-party jars), after warm-up, in the three situations a build meets:
 * <ul>
 *   <li>{@code unchanged}: {@code mvn package} rerun with nothing changed: staging finds every file up to date and
 *       the render is skipped by the up-to-date check;</li>
 *   <li>{@code applicationJarChanged}: the module's code changed, so its jar was rebuilt: one jar is restaged and
 *       (with {@code modules=scan}) the module scan reads that jar again (the others come from its cache);</li>
 *   <li>{@code cleanBuild}: after {@code mvn clean}: every jar is copied and the module scan's work-directory cache is
 *       gone (the renderer's in-memory cache, as in one build's later modules, still holds the libraries).</li>
 * </ul>
 * {@code modules=scan} computes the runtime modules with the class-file scan (the default); {@code modules=configured}
 * sets {@code image.jlinkModules}, which skips the scan and so shows the cost of rendering and staging alone.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class RenderBenchmark {

    /** Modules given as {@code image.jlinkModules} when the scan is not run: what jdeps computed for this module. */
    static final List<String> CONFIGURED_MODULES = List.of("java.compiler", "java.desktop", "java.instrument",
            "java.naming", "java.net.http", "java.prefs", "java.rmi", "java.scripting", "java.security.jgss", "java.sql",
            "jdk.jfr", "jdk.management", "jdk.unsupported");

    /** One module and one renderer (so one Freemarker configuration), as for the modules of one Maven build. */
    @State(Scope.Benchmark)
    public abstract static class ModuleState {

        /** Directory of the fixture's third-party jars (relative to the working directory, bench/render). */
        @Param("target/fixture/lib")
        public String fixtureLib;

        /** {@code scan}: compute the runtime modules; {@code configured}: take them from image.jlinkModules. */
        @Param({"scan", "configured"})
        public String modules;

        ServiceModule module;
        DockerfileRenderer renderer;
        RenderRequest request;

        @Setup(Level.Trial)
        public void createModule() throws Exception {
            module = ServiceModule.create(Path.of("target/work"), Path.of(fixtureLib));
            renderer = new DockerfileRenderer(new TemplateEngines());
            request = module.request("scan".equals(modules) ? List.of() : CONFIGURED_MODULES);
            check(renderer.render(request));
        }

        /** Fails the run if the render does not stage what the benchmark claims to measure. */
        private void check(RenderResult result) throws IOException {
            List<StagedLayer> layers = result.layers();
            int files = layers.stream().mapToInt(l -> l.files().size()).sum();
            if (files != module.artifacts.size() + 1
                    || layers.get(layers.size() - 1).layer() != Layer.APPLICATION
                    || !Files.isRegularFile(result.dockerfile())
                    || !result.modules().containsAll(List.of("java.net.http", "java.sql"))) {
                throw new IllegalStateException("unexpected render result: " + layers + " " + result.modules());
            }
        }

        @TearDown(Level.Trial)
        public void deleteModule() throws IOException {
            module.deleteAll();
        }
    }

    /** Nothing changes between renders. */
    @State(Scope.Benchmark)
    public static class Unchanged extends ModuleState {
    }

    /** The application jar is rebuilt (new bytes, new time) before every render. */
    @State(Scope.Benchmark)
    public static class ApplicationJarChanged extends ModuleState {
        @Setup(Level.Invocation)
        public void rebuildJar() throws IOException {
            module.changeApplicationJar();
        }
    }

    /** {@code target/docker} and {@code target/image-work} are deleted before every render. */
    @State(Scope.Benchmark)
    public static class Clean extends ModuleState {
        @Setup(Level.Invocation)
        public void clean() throws IOException {
            module.clean();
        }
    }

    @Benchmark
    public RenderResult unchanged(Unchanged state) throws Exception {
        return state.renderer.render(state.request);
    }

    @Benchmark
    public RenderResult applicationJarChanged(ApplicationJarChanged state) throws Exception {
        return state.renderer.render(state.request);
    }

    @Benchmark
    public RenderResult cleanBuild(Clean state) throws Exception {
        return state.renderer.render(state.request);
    }
}
