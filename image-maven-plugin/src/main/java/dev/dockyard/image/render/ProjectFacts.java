package dev.dockyard.image.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

/** Facts read from the project's files: the jar's main class, the git commit. */
public final class ProjectFacts {

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

    private ProjectFacts() {}

    /**
     * Why the jar must be started with {@code java -jar} rather than on a class path, if it must: its manifest names
     * an agent started only that way ({@code Launcher-Agent-Class}), a verticle a launcher reads from the jar's own
     * manifest ({@code Main-Verticle}), or Spring Boot's launcher, which runs from the jar file itself.
     */
    public static Optional<String> jarLaunchReason(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                return Optional.empty();
            }
            var main = manifest.getMainAttributes();
            for (String attribute : List.of("Launcher-Agent-Class", "Main-Verticle")) {
                if (main.getValue(attribute) != null) {
                    return Optional.of("its manifest's " + attribute);
                }
            }
            String mainClass = main.getValue("Main-Class");
            if (mainClass != null && mainClass.strip().startsWith("org.springframework.boot.loader.")) {
                return Optional.of("Spring Boot's launcher in its Main-Class");
            }
            return Optional.empty();
        }
    }

    /** @return the {@code Main-Class} of the jar's manifest, if any. */
    public static Optional<String> mainClassOf(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                return Optional.empty();
            }
            String value = manifest.getMainAttributes().getValue("Main-Class");
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
        }
    }

    /**
     * {@link #gitRevision(Path)}, looked up once per parent directory: the modules of a reactor are mostly siblings,
     * so a build reads {@code .git} once, not once per module.
     *
     * @param byParent what earlier calls found, by the parent directory of the module (shared by one build)
     */
    public static Optional<String> gitRevision(Path directory, Map<Path, Optional<String>> byParent) {
        Path dir = directory.toAbsolutePath().normalize();
        Path parent = dir.getParent();
        if (parent == null || Files.exists(dir.resolve(".git"))) {
            return gitRevision(dir);
        }
        return byParent.computeIfAbsent(parent, ProjectFacts::gitRevision);
    }

    /**
     * The commit checked out in the git work tree that holds {@code directory}, read from {@code .git} (work trees
     * and packed refs included) without running git.
     *
     * @return the full commit id, or empty outside a git checkout or on a branch with no commit yet
     */
    public static Optional<String> gitRevision(Path directory) {
        try {
            for (Path dir = directory.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
                Path dotGit = dir.resolve(".git");
                if (Files.isDirectory(dotGit)) {
                    return head(dotGit, dotGit);
                }
                if (Files.isRegularFile(dotGit)) {
                    String line =
                            Files.readString(dotGit, StandardCharsets.UTF_8).strip();
                    if (!line.startsWith("gitdir:")) {
                        return Optional.empty();
                    }
                    Path gitDir = dir.resolve(line.substring("gitdir:".length()).strip())
                            .normalize();
                    Path commonDir = gitDir;
                    Path common = gitDir.resolve("commondir");
                    if (Files.isRegularFile(common)) {
                        commonDir = gitDir.resolve(Files.readString(common, StandardCharsets.UTF_8)
                                        .strip())
                                .normalize();
                    }
                    return head(gitDir, commonDir);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> head(Path gitDir, Path commonDir) throws IOException {
        Path headFile = gitDir.resolve("HEAD");
        if (!Files.isRegularFile(headFile)) {
            return Optional.empty();
        }
        String head = Files.readString(headFile, StandardCharsets.UTF_8).strip();
        if (!head.startsWith("ref:")) {
            return SHA.matcher(head).matches() ? Optional.of(head) : Optional.empty();
        }
        String ref = head.substring("ref:".length()).strip();
        for (Path dir : List.of(gitDir, commonDir)) {
            Path refFile = dir.resolve(ref);
            if (Files.isRegularFile(refFile)) {
                String sha = Files.readString(refFile, StandardCharsets.UTF_8).strip();
                return SHA.matcher(sha).matches() ? Optional.of(sha) : Optional.empty();
            }
        }
        Path packed = commonDir.resolve("packed-refs");
        if (Files.isRegularFile(packed)) {
            for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                String[] parts = line.strip().split(" ", 2);
                if (parts.length == 2
                        && parts[1].equals(ref)
                        && SHA.matcher(parts[0]).matches()) {
                    return Optional.of(parts[0]);
                }
            }
        }
        return Optional.empty();
    }
}
