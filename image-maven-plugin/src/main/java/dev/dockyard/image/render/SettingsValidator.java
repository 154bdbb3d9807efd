package dev.dockyard.image.render;

import static dev.dockyard.image.support.CoreException.mention;

import dev.dockyard.image.support.DurationText;
import dev.dockyard.image.support.UserFixableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a {@link RenderRequest} before anything is written, and lists every problem, each naming the parameter
 * (marked by its name in the POM, {@link dev.dockyard.image.support.CoreException#mention(String)}) and the value at
 * fault.
 *
 * <p>One rule for every value that reaches a Dockerfile or a shell command of one: it is validated here (paths
 * absolute and normalized, names and references of the characters their grammar allows, no control character
 * anywhere), and then written by the templates in the quoting of its place ({@code quote} for {@code LABEL} and
 * {@code ENV}, {@code execForm} for exec forms, {@code sh} in {@code RUN}). A value is shown in a message with its
 * control characters escaped, so the message stays one line.
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
    private static final Pattern IMAGE_REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:@-]*");
    /** A path in the image: absolute, of characters neither a Dockerfile nor a shell gives a meaning. */
    private static final Pattern IMAGE_PATH = Pattern.compile("/|(?:/[A-Za-z0-9._@+-]+)+");
    /** What a volume may not be, or be below: the image's own system directories. */
    private static final List<String> SYSTEM_DIRECTORIES = List.of(
            "/bin", "/dev", "/etc", "/lib", "/lib64", "/opt/java", "/proc", "/sbin", "/sys", "/usr", "/var/lib");

    private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");
    private static final Pattern HEALTH_PATH = Pattern.compile("/[\\x21-\\x7e&&[^\"'\\\\`]]*");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private SettingsValidator() {}

    /** {@code image.locales}: {@code *}, or language tags and ranges as {@code jlink --include-locales} takes them. */
    private static void checkLocales(List<String> problems, List<String> locales) {
        if (locales.contains(JvmSettings.ALL_LOCALES)) {
            if (locales.size() > 1) {
                problems.add(
                        mention("locales") + " '" + String.join(",", locales) + "': '*' (every locale) stands alone;"
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
                problems.add(
                        mention("locales") + ": '" + locale + "' is not a language tag: use tags such as en, de-CH or"
                                + " *-IN (as jlink --include-locales takes them), or '*' for every locale");
            }
        }
    }

    static List<String> problems(RenderRequest request) {
        List<String> problems = new ArrayList<>();
        ImageSettings image = request.image();
        if (!IMAGE_NAME.matcher(image.name()).matches()) {
            problems.add(mention("imageName") + " '" + image.name()
                    + "' is not a valid image name: use lower-case letters, digits,"
                    + " '.', '_', '-' and '/', optionally after a registry host (registry.example.com/team/app)");
        }
        if (image.tags().isEmpty()) {
            problems.add(mention("tags") + " is empty: give at least one tag, e.g. ${project.version}");
        }
        for (String tag : image.tags()) {
            if (!TAG.matcher(tag).matches()) {
                problems.add(mention("tags") + ": '" + tag
                        + "' is not a valid tag: up to 128 letters, digits, '_', '.', '-',"
                        + " not starting with '.' or '-'");
            }
        }
        var user = USER.matcher(image.user());
        if (!user.matches()) {
            problems.add(mention("user") + " '" + image.user() + "' must be a numeric uid:gid such as 65532:65532"
                    + " (names need an /etc/passwd entry the image may not have)");
        } else if (Long.parseLong(user.group(1)) == 0) {
            problems.add(mention("user") + " '" + image.user()
                    + "' runs the service as root: use a non-root uid:gid such as" + " 65532:65532");
        }
        checkPath(problems, mention("workdir") + " '" + shown(image.workdir()) + "'", image.workdir(), "/app");
        for (String volume : image.volumes()) {
            if (checkPath(problems, mention("volumes") + ": '" + shown(volume) + "'", volume, "/data")) {
                for (String system : SYSTEM_DIRECTORIES) {
                    if (volume.equals("/") || volume.equals(system) || volume.startsWith(system + "/")) {
                        problems.add(mention("volumes") + ": '" + volume + "' is a system directory of the image (/, "
                                + String.join(", ", SYSTEM_DIRECTORIES) + " and below): choose a directory of"
                                + " the service's own, e.g. /data");
                        break;
                    }
                }
            }
        }
        for (int port : image.ports()) {
            checkPort(problems, mention("port"), port);
        }
        for (Map.Entry<String, String> env : image.env().entrySet()) {
            if (!ENV_NAME.matcher(env.getKey()).matches()) {
                problems.add("env: '" + shown(env.getKey()) + "' is not a valid environment variable name");
            }
            checkText(problems, "env: the value of " + shown(env.getKey()), env.getValue());
        }
        for (Map.Entry<String, String> label : image.labels().entrySet()) {
            if (!LABEL_NAME.matcher(label.getKey()).matches()) {
                problems.add("labels: '" + shown(label.getKey()) + "' is not a label name: use letters, digits, '.',"
                        + " '_', '-' and '/', e.g. com.example.team");
            }
            checkText(problems, "labels: the value of " + shown(label.getKey()), label.getValue());
        }
        for (String option : request.jvm().options()) {
            checkText(problems, mention("jvmOptions") + ": '" + shown(option) + "'", option);
        }
        for (String arg : request.jvm().args()) {
            checkText(problems, mention("args") + ": '" + shown(arg) + "'", arg);
        }
        if (request.jvm().mainClass() != null
                && !JAVA_NAME.matcher(request.jvm().mainClass()).matches()) {
            problems.add(mention("mainClass") + " '" + request.jvm().mainClass() + "' is not a Java class name");
        }
        for (String module : concat(request.jvm().modules(), request.jvm().additionalModules())) {
            if (!JAVA_NAME.matcher(module).matches()) {
                problems.add(mention("jlinkModules") + " / " + mention("additionalModules") + ": '" + module
                        + "' is not a module name");
            }
        }
        checkLocales(problems, request.jvm().locales());
        checkImage(problems, mention("builderImage"), request.builderImage());
        checkImage(problems, mention("runtimeImage"), request.runtimeImage());
        HealthSettings health = request.health();
        if (health != null) {
            if (!HEALTH_PATH.matcher(health.path()).matches()) {
                problems.add(
                        mention("healthPath") + " '" + shown(health.path()) + "' must be a URL path starting with '/',"
                                + " without spaces, quotes or control characters, e.g. /health (or 'none' for no health"
                                + " check)");
            }
            checkPort(problems, mention("healthPort"), health.port());
            checkDuration(problems, mention("healthCheckInterval"), health.interval());
            checkDuration(problems, mention("healthCheckTimeout"), health.timeout());
            checkDuration(problems, mention("healthCheckStartPeriod"), health.startPeriod());
            if (health.retries() < 1) {
                problems.add(mention("healthCheckRetries") + " '" + health.retries() + "' must be 1 or more");
            }
        }
        return problems.stream().map(SettingsValidator::shown).toList();
    }

    /**
     * Checks a path in the image.
     *
     * @return whether it is one
     */
    private static boolean checkPath(List<String> problems, String what, String value, String example) {
        boolean normalized = IMAGE_PATH.matcher(value).matches()
                && List.of(value.split("/")).stream().noneMatch(part -> part.equals(".") || part.equals(".."));
        if (!normalized) {
            problems.add(what + " must be an absolute, normalized path (no '.' or '..' part, no trailing '/') of"
                    + " letters, digits, '.', '_', '-', '@' and '+', e.g. " + example);
        }
        return normalized;
    }

    /** Free text (a label or environment value, a JVM option): anything but control characters. */
    private static void checkText(List<String> problems, String what, String value) {
        if (value != null && CONTROL.matcher(value).find()) {
            problems.add(what + " holds a control character (" + shown(value) + "): write it on one line, without"
                    + " tabs or escapes");
        }
    }

    /** {@code value} with its control characters written as escapes ({@code \n}, {@code \u0007}). */
    static String shown(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
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
