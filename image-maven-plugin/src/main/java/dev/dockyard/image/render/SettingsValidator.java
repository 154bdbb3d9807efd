package dev.dockyard.image.render;

import dev.dockyard.image.support.DurationText;
import dev.dockyard.image.support.UserFixableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a {@link RenderRequest} before anything is written, and lists every problem, each naming the parameter
 * (by its {@code image.*} property) and the value at fault.
 */
final class SettingsValidator {

    private static final Pattern IMAGE_NAME =
            Pattern.compile("(?:(?:[a-zA-Z0-9-]+\\.)*[a-zA-Z0-9-]+(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
                    + "(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern USER = Pattern.compile("([0-9]+)(?::([0-9]+))?");
    private static final Pattern JAVA_NAME = Pattern.compile(
            "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*(?:\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern IMAGE_REFERENCE = Pattern.compile("[^\\s\"]+");

    private SettingsValidator() {}

    /** {@code image.locales}: {@code *}, or language tags and ranges as {@code jlink --include-locales} takes them. */
    private static void checkLocales(List<String> problems, List<String> locales) {
        if (locales.contains(JvmSettings.ALL_LOCALES)) {
            if (locales.size() > 1) {
                problems.add("image.locales '" + String.join(",", locales) + "': '*' (every locale) stands alone;"
                        + " give either '*' or a list of language tags such as de,fr-CH");
            }
            return;
        }
        for (String locale : locales) {
            try {
                if (locale.isBlank() || locale.contains(",")) {
                    throw new IllegalArgumentException(locale);
                }
                Locale.LanguageRange.parse(locale);
            } catch (IllegalArgumentException e) {
                problems.add("image.locales: '" + locale + "' is not a language tag: use tags such as en, de-CH or"
                        + " *-IN (as jlink --include-locales takes them), or '*' for every locale");
            }
        }
    }

    static List<String> problems(RenderRequest request) {
        List<String> problems = new ArrayList<>();
        ImageSettings image = request.image();
        if (!IMAGE_NAME.matcher(image.name()).matches()) {
            problems.add("image.name '" + image.name() + "' is not a valid image name: use lower-case letters, digits,"
                    + " '.', '_', '-' and '/', optionally after a registry host (registry.example.com/team/app)");
        }
        if (image.tags().isEmpty()) {
            problems.add("image.tags is empty: give at least one tag, e.g. ${project.version}");
        }
        for (String tag : image.tags()) {
            if (!TAG.matcher(tag).matches()) {
                problems.add("image.tags: '" + tag + "' is not a valid tag: up to 128 letters, digits, '_', '.', '-',"
                        + " not starting with '.' or '-'");
            }
        }
        var user = USER.matcher(image.user());
        if (!user.matches()) {
            problems.add("image.user '" + image.user() + "' must be a numeric uid:gid such as 65532:65532"
                    + " (names need an /etc/passwd entry the image may not have)");
        } else if (Long.parseLong(user.group(1)) == 0) {
            problems.add("image.user '" + image.user() + "' runs the service as root: use a non-root uid:gid such as"
                    + " 65532:65532");
        }
        if (!image.workdir().startsWith("/")) {
            problems.add("image.workdir '" + image.workdir() + "' must be an absolute path, e.g. /app");
        }
        for (String volume : image.volumes()) {
            if (!volume.startsWith("/")) {
                problems.add("image.volumes: '" + volume + "' must be an absolute path, e.g. /data");
            }
        }
        for (int port : image.ports()) {
            checkPort(problems, "image.port", port);
        }
        for (Map.Entry<String, String> env : image.env().entrySet()) {
            if (!ENV_NAME.matcher(env.getKey()).matches()) {
                problems.add("env: '" + env.getKey() + "' is not a valid environment variable name");
            }
        }
        if (request.jvm().mainClass() != null
                && !JAVA_NAME.matcher(request.jvm().mainClass()).matches()) {
            problems.add("image.mainClass '" + request.jvm().mainClass() + "' is not a Java class name");
        }
        for (String module : concat(request.jvm().modules(), request.jvm().additionalModules())) {
            if (!JAVA_NAME.matcher(module).matches()) {
                problems.add("image.jlinkModules / image.additionalModules: '" + module + "' is not a module name");
            }
        }
        checkLocales(problems, request.jvm().locales());
        checkImage(problems, "image.builderImage", request.builderImage());
        checkImage(problems, "image.runtimeImage", request.runtimeImage());
        HealthSettings health = request.health();
        if (health != null) {
            if (!health.path().startsWith("/")) {
                problems.add("image.healthPath '" + health.path() + "' must start with '/', e.g. /health"
                        + " (or set it to 'none' for no health check)");
            }
            checkPort(problems, "image.healthPort", health.port());
            checkDuration(problems, "image.healthCheckInterval", health.interval());
            checkDuration(problems, "image.healthCheckTimeout", health.timeout());
            checkDuration(problems, "image.healthCheckStartPeriod", health.startPeriod());
            if (health.retries() < 1) {
                problems.add("image.healthCheckRetries '" + health.retries() + "' must be 1 or more");
            }
        }
        return problems;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void checkPort(List<String> problems, String property, int port) {
        if (port < 1 || port > 65535) {
            problems.add(property + " '" + port + "' is not a TCP port (1-65535)");
        }
    }

    private static void checkDuration(List<String> problems, String property, String value) {
        try {
            DurationText.parse(value);
        } catch (UserFixableException e) {
            problems.add(property + " '" + value + "' is not a duration such as 30s, 1m30s or 500ms");
        }
    }

    private static void checkImage(List<String> problems, String property, String value) {
        if (value == null || !IMAGE_REFERENCE.matcher(value).matches()) {
            problems.add(property + " '" + value + "' is not an image reference such as eclipse-temurin:21-jdk");
        }
    }
}
