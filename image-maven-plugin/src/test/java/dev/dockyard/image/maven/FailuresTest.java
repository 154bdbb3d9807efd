package dev.dockyard.image.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.engine.ImageBuildException;
import dev.dockyard.image.support.UserFixableException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** The one mapping of the core's exceptions: the parameter at fault named as the goal declares it. */
class FailuresTest {

    @Test
    void aBadValueNamesTheXmlElementAndThePropertyOfTheGoal() throws Exception {
        UserFixableException e = new UserFixableException("'big' is not a size").in("maxImageSize");
        assertEquals(
                "Invalid <maxImageSize>/image.maxImageSize: 'big' is not a size",
                Failures.failure(e, Descriptors.goal("verify")).getMessage());
        assertEquals(
                "Invalid <pull>/image.pull: x",
                Failures.failure(new UserFixableException("pull", "x"), Descriptors.goal("build"))
                        .getMessage());
        assertEquals(
                "Invalid <imageName>/image.name: x",
                Failures.failure(new UserFixableException("imageName", "x"), Descriptors.goal("check"))
                        .getMessage());
    }

    @Test
    void aMistakeNotTiedToOneParameterKeepsItsMessage() throws Exception {
        assertEquals(
                "No Dockerfile in target/docker",
                Failures.failure(new UserFixableException("No Dockerfile in target/docker"), Descriptors.goal("build"))
                        .getMessage());
    }

    @Test
    void engineFaultsAreExecutionErrorsAndTheUsersMistakesFailures() {
        EngineException fault = new EngineException("the engine closed the connection");
        MojoExecutionException execution = assertThrows(MojoExecutionException.class, () -> Failures.rethrow(fault));
        assertSame(fault, execution.getCause());
        assertEquals(
                "step 3 failed",
                assertThrows(
                                MojoFailureException.class,
                                () -> Failures.rethrow(new ImageBuildException("step 3 failed")))
                        .getMessage());
    }
}
