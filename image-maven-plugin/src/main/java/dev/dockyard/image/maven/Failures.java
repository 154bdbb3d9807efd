package dev.dockyard.image.maven;

import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.support.CoreException;
import dev.dockyard.image.support.UserFixableException;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;

/**
 * The one mapping of the core's exceptions to Maven's: what the user can fix fails the build
 * ({@link MojoFailureException}, no stack trace), with the parameter at fault named by its XML element and its
 * {@code -D} property as the goal's descriptor declares them; faults of the environment are execution errors
 * ({@link MojoExecutionException}, the cause kept for {@code -e}). The parameters a core message names
 * ({@link CoreException#mention(String)}) are written as their properties.
 */
final class Failures {

    /** Properties the plugin reads that no goal declares as a parameter (so that {@code -X} never prints them). */
    private static final Map<String, String> NOT_PARAMETERS = Map.of("registryPassword", PushMojo.PASSWORD_PROPERTY);

    private Failures() {}

    /** A mistake of the user, the parameter at fault named as {@code Invalid <name>/image.x: …}. */
    static MojoFailureException failure(UserFixableException e, MojoDescriptor goal) {
        String message = text(e, goal);
        if (e.parameter().isEmpty()) {
            return new MojoFailureException(message);
        }
        return new MojoFailureException("Invalid " + where(e.parameter().get(), goal) + ": " + message);
    }

    /** An engine's answer: the user's to fix (a failed step, a refused login, no engine) or a fault. */
    static void rethrow(EngineException e, MojoDescriptor goal) throws MojoFailureException, MojoExecutionException {
        if (e.userFixable()) {
            throw new MojoFailureException(text(e, goal));
        }
        throw new MojoExecutionException(text(e, goal), e);
    }

    /** The message of a core exception, the parameters it names written as the goal's properties. */
    static String text(CoreException e, MojoDescriptor goal) {
        return e.message(name -> property(name, goal));
    }

    /** A text of the core ({@code lint}'s verdict), the parameters it names written as the goal's properties. */
    static String text(String marked, MojoDescriptor goal) {
        return CoreException.resolve(marked, name -> property(name, goal));
    }

    /** {@code <name>/image.x}: the parameter's XML element and, when it has one, its property. */
    static String where(String name, MojoDescriptor goal) {
        String property = declared(name, goal);
        return "<" + name + ">" + (property == null ? "" : "/" + property);
    }

    /**
     * The property of the parameter {@code name}: as this goal declares it, else as another goal of the plugin does
     * (a message may name a setting of the goal that made the image), else {@code <name>}.
     */
    static String property(String name, MojoDescriptor goal) {
        String property = declared(name, goal);
        if (property == null && goal != null && goal.getPluginDescriptor() != null) {
            for (MojoDescriptor other : goal.getPluginDescriptor().getMojos()) {
                property = property == null ? declared(name, other) : property;
            }
        }
        if (property == null) {
            property = NOT_PARAMETERS.get(name);
        }
        return property != null ? property : "<" + name + ">";
    }

    /** The property {@code goal} declares for the parameter {@code name}, or {@code null}. */
    private static String declared(String name, MojoDescriptor goal) {
        Parameter parameter = goal == null ? null : goal.getParameterMap().get(name);
        String expression = parameter == null ? null : parameter.getExpression();
        if (expression != null && expression.startsWith("${") && expression.endsWith("}")) {
            return expression.substring(2, expression.length() - 1);
        }
        return null;
    }
}
