package dev.dockyard.image.build;

import static dev.dockyard.image.support.CoreException.mention;

import dev.dockyard.image.support.UserFixableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which tags an image gets.
 * <ul>
 * <li>{@code version}: the configured tags (by default the project version);
 * <li>{@code semver}: for a release {@code 1.4.2}: {@code 1.4.2}, {@code 1.4}, {@code 1} and {@code latest}; for a
 * {@code -SNAPSHOT} or another pre-release only the version itself; then the other configured tags.
 * </ul>
 * Either way the git commit's short id follows when known, and {@code latest} is added ({@code latest=true}) or
 * removed ({@code latest=false}) when asked; {@code latest=null} leaves it to the policy.
 */
public enum TagPolicy {
    VERSION,
    SEMVER;

    /** The tag that names the newest release. */
    public static final String LATEST = "latest";

    private static final Pattern SEMVER_PATTERN = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(-[0-9A-Za-z.-]+)?(\\+.*)?");

    /** {@code version} or {@code semver}, any case. */
    public static TagPolicy parse(String text) throws UserFixableException {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "version", "" -> VERSION;
            case "semver" -> SEMVER;
            default -> throw new UserFixableException("'" + text + "' is not a tag policy: use version or semver");
        };
    }

    /**
     * @param version    the project version
     * @param configured the configured tags ({@code image.tags})
     * @param revision   the git commit's short id, or {@code null}
     * @param latest     add ({@code true}), suppress ({@code false}) or leave to the policy ({@code null}) the
     *                   {@code latest} tag
     * @return the tags, without duplicates, the main tag first
     * @throws UserFixableException with {@code semver}, a version that is not {@code MAJOR.MINOR.PATCH}
     */
    public List<String> tags(String version, List<String> configured, String revision, Boolean latest)
            throws UserFixableException {
        List<String> tags = new ArrayList<>();
        if (this == SEMVER) {
            Matcher semver = SEMVER_PATTERN.matcher(version.strip());
            if (!semver.matches()) {
                throw new UserFixableException("the project version '" + version + "' is not a semantic"
                        + " version MAJOR.MINOR.PATCH[-qualifier]: use " + mention("tagPolicy")
                        + "=version, or a version like"
                        + " 1.4.2");
            }
            add(tags, version.strip());
            boolean release = semver.group(4) == null;
            if (release) {
                add(tags, semver.group(1) + "." + semver.group(2));
                add(tags, semver.group(1));
                if (latest == null) {
                    add(tags, LATEST);
                }
            }
        }
        for (String tag : configured) {
            if (tag != null && !tag.isBlank()) {
                add(tags, tag.strip());
            }
        }
        if (revision != null && !revision.isBlank()) {
            add(tags, revision.substring(0, Math.min(7, revision.length())));
        }
        if (Boolean.TRUE.equals(latest)) {
            add(tags, LATEST);
        } else if (Boolean.FALSE.equals(latest)) {
            tags.remove(LATEST);
        }
        return List.copyOf(tags);
    }

    private static void add(List<String> tags, String tag) {
        if (!tags.contains(tag)) {
            tags.add(tag);
        }
    }
}
