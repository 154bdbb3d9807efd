package dev.dockyard.image.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintFilesTest {

    private static void touch(Path base, String rel) throws IOException {
        Path p = base.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "FROM a:1\n");
    }

    private static List<String> found(Path base, List<String> in, List<String> ex) throws IOException {
        return LintFiles.find(base, in, ex).stream()
                .map(p -> base.relativize(p).toString().replace('\\', '/'))
                .collect(Collectors.toList());
    }

    @Test
    void defaultsFindModuleAndSrcMainDockerButNeverTargetOrTemplates(@TempDir Path base) throws IOException {
        for (String f : List.of(
                "Dockerfile",
                "Dockerfile.dev",
                "Dockerfile.dockerignore",
                "README.md",
                "src/main/docker/Dockerfile",
                "src/main/docker/jobs/Dockerfile.batch",
                "src/main/docker/Dockerfile.ftl",
                "target/docker/Dockerfile",
                "sub/Dockerfile",
                "node_modules/x/Dockerfile")) {
            touch(base, f);
        }
        assertEquals(
                List.of(
                        "Dockerfile",
                        "Dockerfile.dev",
                        "src/main/docker/Dockerfile",
                        "src/main/docker/jobs/Dockerfile.batch"),
                found(base, List.of(), List.of()));
        assertEquals(
                List.of("Dockerfile", "src/main/docker/Dockerfile", "sub/Dockerfile"),
                found(base, List.of("**/Dockerfile"), List.of()));
        assertEquals(
                List.of("Dockerfile", "src/main/docker/Dockerfile"),
                found(base, null, List.of("**/*.dev", "**/jobs/**")));
    }

    @Test
    void eachDoubleStarSlashAlsoMatchesNoDirectory() {
        assertEquals(List.of("a/**/b/**/c", "a/b/**/c", "a/**/b/c", "a/b/c"), LintFiles.variants("a/**/b/**/c"));
        assertEquals(List.of("Dockerfile*"), LintFiles.variants("Dockerfile*"));
    }

    @Test
    void globsAreThePlatformsGlobs(@TempDir Path base) throws IOException {
        for (String f : List.of("Dockerfile.api", "Dockerfile.web", "Dockerfile.dev", "docker/x/y/Dockerfile")) {
            touch(base, f);
        }
        assertEquals(
                List.of("Dockerfile.api", "Dockerfile.web"), found(base, List.of("Dockerfile.{api,web}"), List.of()));
        assertEquals(List.of("Dockerfile.dev"), found(base, List.of("Dockerfile.[d]?v"), List.of()));
        assertEquals(List.of("docker/x/y/Dockerfile"), found(base, List.of("docker/**"), List.of()));
        assertEquals(List.of(), found(base, List.of("docker/*/Dockerfile"), List.of()), "* stays in one directory");
    }
}
