package dev.dockyard.image.dockerfile;

/** What a {@code USER} value means: the one answer to "is this root" for the lint rules and for image:verify. */
public final class Users {

    private Users() {}

    /**
     * Whether {@code user} ({@code name}, {@code uid}, {@code name:group}, {@code uid:gid}, as {@code USER} and the
     * image configuration hold it) runs as root: unset or empty, the name {@code root}, or UID 0 written any way
     * ({@code 0}, {@code 00}). The group does not matter.
     */
    public static boolean isRoot(String user) {
        String value = user == null ? "" : user.strip();
        int colon = value.indexOf(':');
        String name = colon >= 0 ? value.substring(0, colon).strip() : value;
        return name.isEmpty() || name.equals("root") || name.matches("0+");
    }
}
