package dev.dockyard.image.engine;

import dev.dockyard.image.support.CoreException;

/**
 * Credentials for one registry, and where they were found. {@link #toString()} never shows the secret.
 *
 * @param username      the user name, or {@code <token>} with an identity token
 * @param secret        the password or the identity token
 * @param identityToken whether {@code secret} is an identity token (a credential helper's {@code <token>} user)
 * @param source        where they were found, for the log, e.g. {@code settings.xml server 'localhost:5000'} (the
 *                      parameters it names marked: {@link CoreException#mention(String)})
 */
public record RegistryCredentials(String username, String secret, boolean identityToken, String source) {

    /** The user name a credential helper returns with an identity token instead of a password. */
    public static final String TOKEN_USER = "<token>";

    /** For the log: the source and the user, never the secret. */
    public String describe() {
        return identityToken ? source + " (identity token)" : source + " (user " + username + ")";
    }

    @Override
    public String toString() {
        return "RegistryCredentials[" + CoreException.plain(describe()) + "]";
    }
}
