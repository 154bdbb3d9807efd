package dev.dockyard.image.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFactsTest {

    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path root;

    @Test
    void readsTheMainClassFromTheManifest() throws Exception {
        assertEquals(Optional.of("a.Main"), ProjectFacts.mainClassOf(TestJars.jar(root.resolve("a.jar"), "a.Main")));
        assertEquals(Optional.empty(), ProjectFacts.mainClassOf(TestJars.jar(root.resolve("b.jar"), null)));
    }

    @Test
    void readsTheCheckedOutCommitFromALooseRefAboveTheModule() throws Exception {
        Path git = Files.createDirectories(root.resolve(".git/refs/heads"));
        Files.writeString(root.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(git.resolve("main"), SHA + "\n");
        Path module = Files.createDirectories(root.resolve("services/orders"));
        assertEquals(Optional.of(SHA), ProjectFacts.gitRevision(module));
    }

    @Test
    void readsPackedRefsAndDetachedHeads() throws Exception {
        Files.createDirectories(root.resolve(".git"));
        Files.writeString(root.resolve(".git/HEAD"), "ref: refs/heads/release\n");
        Files.writeString(
                root.resolve(".git/packed-refs"), "# pack-refs with: peeled\n" + SHA + " refs/heads/release\n");
        assertEquals(Optional.of(SHA), ProjectFacts.gitRevision(root));
        Files.writeString(root.resolve(".git/HEAD"), SHA.replace('0', 'f') + "\n");
        assertEquals(Optional.of(SHA.replace('0', 'f')), ProjectFacts.gitRevision(root));
    }

    @Test
    void followsAWorktreeGitFile() throws Exception {
        Path main = Files.createDirectories(root.resolve("repo/.git"));
        Files.createDirectories(main.resolve("refs/heads"));
        Files.writeString(main.resolve("refs/heads/feature"), SHA + "\n");
        Path wtGit = Files.createDirectories(main.resolve("worktrees/feature"));
        Files.writeString(wtGit.resolve("HEAD"), "ref: refs/heads/feature\n");
        Files.writeString(wtGit.resolve("commondir"), "../..\n");
        Path tree = Files.createDirectories(root.resolve("feature"));
        Files.writeString(tree.resolve(".git"), "gitdir: " + wtGit + "\n");
        assertEquals(Optional.of(SHA), ProjectFacts.gitRevision(tree));
    }

    @Test
    void siblingModulesShareOneLookUpAndAModuleWithItsOwnCheckoutKeepsIt() throws Exception {
        Files.createDirectories(root.resolve(".git/refs/heads"));
        Files.writeString(root.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(root.resolve(".git/refs/heads/main"), SHA + "\n");
        Path a = Files.createDirectories(root.resolve("reactor/a"));
        Path b = Files.createDirectories(root.resolve("reactor/b"));
        Path own = Files.createDirectories(root.resolve("reactor/own/.git"));
        Files.writeString(own.resolve("HEAD"), SHA.replace('0', 'e') + "\n");
        Map<Path, Optional<String>> byParent = new HashMap<>();
        assertEquals(Optional.of(SHA), ProjectFacts.gitRevision(a, byParent));
        assertEquals(Map.of(root.resolve("reactor").toAbsolutePath().normalize(), Optional.of(SHA)), byParent);
        assertEquals(Optional.of(SHA), ProjectFacts.gitRevision(b, byParent));
        assertEquals(Optional.of(SHA.replace('0', 'e')), ProjectFacts.gitRevision(own.getParent(), byParent));
        assertEquals(1, byParent.size());
    }

    @Test
    void anUnbornBranchOrNoCheckoutHasNoRevision() throws Exception {
        Files.createDirectories(root.resolve("a/.git"));
        Files.writeString(root.resolve("a/.git/HEAD"), "ref: refs/heads/main\n");
        assertEquals(Optional.empty(), ProjectFacts.gitRevision(root.resolve("a")));
    }
}
