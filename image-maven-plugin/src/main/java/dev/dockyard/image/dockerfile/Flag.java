package dev.dockyard.image.dockerfile;

/**
 * An instruction flag such as {@code --from=build} or {@code --link}.
 *
 * @param name  flag name without the leading dashes, lower case
 * @param value the value after {@code =}, or {@code null} for a bare boolean flag
 */
public record Flag(String name, String value) {

    @Override
    public String toString() {
        return value == null ? "--" + name : "--" + name + "=" + value;
    }
}
