package dev.dockyard.image.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.junit.jupiter.api.Test;

/** The renderer, and the caches inside it, belong to one build: mvnd keeps the plugin's singleton across builds. */
class RenderersTest {

    @Test
    void modulesOfOneBuildShareARendererAndTwoBuildsDoNot() {
        Renderers renderers = new Renderers();
        MavenSession first = session();
        MavenSession second = session();

        // a parallel build (-T) gives each module a copy of the session: same build, same renderer
        assertSame(renderers.renderer(first), renderers.renderer(first.clone()));
        assertNotSame(renderers.renderer(first), renderers.renderer(second));
        assertEquals(2, renderers.builds());
    }

    @SuppressWarnings("deprecation")
    private static MavenSession session() {
        return new MavenSession(null, null, new DefaultMavenExecutionRequest(), new DefaultMavenExecutionResult());
    }
}
