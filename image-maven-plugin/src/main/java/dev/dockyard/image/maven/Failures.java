package dev.dockyard.image.maven;

import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.support.UserFixableException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;

/**
 * The one mapping of the core's exceptions to Maven's: what the user can fix fails the build
 * ({@link MojoFailureException}, no stack trace), with the parameter at fault named by its XML element and its
 * {@code -D} property as the goal's descriptor declares them; faults of the environment are execution errors
 * ({@link MojoExecutionException}, the cause kept for {@code -e}).
 */
final class Failures {

    private Failures() {}

    /** A mistake of the user, the parameter at fault named as {@code Invalid <name>/image.x: …}. */
    static MojoFailureException failure(UserFixableException e, MojoDescriptor goal) {
        if (e.parameter().isEmpty()) {
            return new MojoFailureException(e.getMessage());
        }
        return new MojoFailureException("Invalid " + where(e.parameter().get(), goal) + ": " + e.getMessage());
    }

    /** An engine's answer: the user's to fix (a failed step, a refused login, no engine) or a fault. */
    static void rethrow(EngineException e) throws MojoFailureException, MojoExecutionException {
        if (e.userFixable()) {
            throw new MojoFailureException(e.getMessage());
        }
        throw new MojoExecutionException(e.getMessage(), e);
    }

    /** {@code <name>/image.x}: the parameter's XML element and, when it has one, its property. */
    static String where(String name, MojoDescriptor goal) {
        Parameter parameter = goal == null ? null : goal.getParameterMap().get(name);
        String expression = parameter == null ? null : parameter.getExpression();
        if (expression != null && expression.startsWith("${") && expression.endsWith("}")) {
            return "<" + name + ">/" + expression.substring(2, expression.length() - 1);
        }
        return "<" + name + ">";
    }
}
