package dev.dockyard.image.maven;

import dev.dockyard.image.support.UserFixableException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parsers of the service's settings that more than one goal reads ({@code image:dockerfile} renders them,
 * {@code image:verify} checks them, {@code image:build} passes them on): one parser each, so every goal reads a value
 * the same way. Errors name the property and the value.
 */
public final class ServiceSettings {

    /** Value of {@code image.healthPath} that turns the health check (and the HTTP probe) off. */
    public static final String NO_HEALTH_CHECK = "none";

    private ServiceSettings() {}

    /** {@code image.port} first, then {@code image.ports} without repeats (nulls left out). */
    public static List<Integer> ports(int port, List<Integer> more) {
        List<Integer> all = new ArrayList<>();
        all.add(port);
        for (Integer p : more == null ? List.<Integer>of() : more) {
            if (p != null && !all.contains(p)) {
                all.add(p);
            }
        }
        return all;
    }

    /** The health path, or {@code null} when {@code image.healthPath} is {@code none} (any case) or blank. */
    public static String healthPath(String value) {
        if (value == null || value.isBlank() || NO_HEALTH_CHECK.equalsIgnoreCase(value.strip())) {
            return null;
        }
        return value.strip();
    }

    /**
     * {@code image.buildArgs}: each {@code NAME=value}; blank entries are left out.
     *
     * @throws UserFixableException listing every entry that is not {@code NAME=value}
     */
    public static Map<String, String> buildArgs(List<String> entries) throws UserFixableException {
        Map<String, String> args = new LinkedHashMap<>();
        List<String> invalid = new ArrayList<>();
        for (String arg : entries == null ? List.<String>of() : entries) {
            if (arg == null || arg.isBlank()) {
                continue;
            }
            int equals = arg.indexOf('=');
            if (equals <= 0) {
                invalid.add(arg.strip());
            } else {
                args.put(arg.substring(0, equals).strip(), arg.substring(equals + 1));
            }
        }
        if (!invalid.isEmpty()) {
            throw new UserFixableException(
                    "buildArgs",
                    String.join(", ", invalid) + " " + (invalid.size() == 1 ? "is" : "are") + " not NAME=value");
        }
        return args;
    }

    /** Entries stripped, blank ones left out. */
    public static List<String> trimmed(List<String> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        List<String> kept = new ArrayList<>(values.size());
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                kept.add(value.strip());
            }
        }
        return List.copyOf(kept);
    }
}
