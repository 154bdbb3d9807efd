package dev.dockyard.image.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.engine.ImageBuildException;
import dev.dockyard.image.support.CoreException;
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
    void engineFaultsAreExecutionErrorsAndTheUsersMistakesFailures() throws Exception {
        EngineException fault = new EngineException("the engine closed the connection");
        MojoExecutionException execution =
                assertThrows(MojoExecutionException.class, () -> Failures.rethrow(fault, Descriptors.goal("build")));
        assertSame(fault, execution.getCause());
        assertEquals(
                "step 3 failed",
                assertThrows(
                                MojoFailureException.class,
                                () -> Failures.rethrow(
                                        new ImageBuildException("step 3 failed"), Descriptors.goal("build")))
                        .getMessage());
    }

    @Test
    void theParametersACoreMessageNamesAreWrittenAsTheGoalsProperties() throws Exception {
        UserFixableException e = new UserFixableException("No main class: set " + CoreException.mention("mainClass")
                + " (-D" + CoreException.mention("mainClass") + "=com.example.Main), or <skip>true</skip> (-D"
                + CoreException.mention("skip") + ")");
        assertEquals(
                "No main class: set <mainClass> (-D<mainClass>=com.example.Main), or <skip>true</skip> (-D<skip>)",
                e.getMessage());
        assertEquals(
                "No main class: set image.mainClass (-Dimage.mainClass=com.example.Main), or <skip>true</skip>"
                        + " (-Dimage.skip)",
                Failures.failure(e, Descriptors.goal("dockerfile")).getMessage());
        // the same name, another property in another goal
        String ports = "publish on random host ports (" + CoreException.mention("hostPorts") + "=false)";
        assertEquals(
                "publish on random host ports (image.start.hostPorts=false)",
                Failures.text(ports, Descriptors.goal("start")));
        assertEquals(
                "publish on random host ports (image.compose.hostPorts=false)",
                Failures.text(ports, Descriptors.goal("compose")));
        // a setting of another goal, and a property that is no parameter
        assertEquals(
                "image.user, image.registryPassword, <nothing>",
                Failures.text(
                        CoreException.mention("user") + ", " + CoreException.mention("registryPassword") + ", "
                                + CoreException.mention("nothing"),
                        Descriptors.goal("verify")));
        // a mention survives a message that quotes another
        EngineException engine = new EngineException("Could not start: "
                + new EngineException("wait " + CoreException.mention("engineTimeout")).markedMessage());
        assertEquals(
                "Could not start: wait image.engineTimeout",
                assertThrows(MojoExecutionException.class, () -> Failures.rethrow(engine, Descriptors.goal("stop")))
                        .getMessage());
    }
}
