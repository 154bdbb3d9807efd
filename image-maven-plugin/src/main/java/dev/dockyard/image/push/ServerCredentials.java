package dev.dockyard.image.push;

/**
 * A {@code <server>} of the user's Maven settings, its password already decrypted. {@link #toString()} never
 * shows the password.
 *
 * @param id       the server's {@code <id>}
 * @param username its {@code <username>}
 * @param password its {@code <password>}, decrypted
 */
public record ServerCredentials(String id, String username, String password) {

    @Override
    public String toString() {
        return "ServerCredentials[id=" + id + ", username=" + username + "]";
    }
}
