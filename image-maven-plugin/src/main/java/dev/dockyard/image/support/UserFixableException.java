package dev.dockyard.image.support;

import java.util.Optional;

/**
 * A mistake the user can fix in the project: a value that does not parse, a setting that contradicts another, a
 * template or Dockerfile in error, a policy the image breaks. The build fails with the message and no stack trace.
 * Faults of the environment (an engine that breaks, a disk that is full) are not of this kind.
 *
 * <p>When one parameter is at fault, the exception carries its name as the POM knows it ({@code maxImageSize}), not
 * its property: the core does not name properties; the Maven adapter maps the name to the XML element and the
 * {@code -D} property, as it does for the parameters the message names ({@link CoreException#mention(String)}).
 */
public class UserFixableException extends CoreException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    /** A mistake not tied to one parameter; {@code message} says where it is and what to do. */
    public UserFixableException(String message) {
        this(null, message);
    }

    /** A bad value of {@code parameter} (its name in the POM); {@code message} says what is wrong with it. */
    public UserFixableException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** A mistake found through {@code cause} (a file that does not parse, a container that would not start). */
    public UserFixableException(String message, Throwable cause) {
        super(message, cause);
        this.parameter = null;
    }

    /** The parameter at fault, by its name in the POM, when one is. */
    public Optional<String> parameter() {
        return Optional.ofNullable(parameter);
    }

    /** The same mistake, now known to be in {@code name}'s value. */
    public UserFixableException in(String name) {
        UserFixableException located = new UserFixableException(name, markedMessage());
        located.setStackTrace(getStackTrace());
        return located;
    }
}
