package dev.dockyard.image.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintMemoTest {

    @TempDir
    Path root;

    @Test
    void remembersAPassOnlyForTheSameDockerfileSettingsAndReport() throws Exception {
        Path dockerfile = Files.writeString(root.resolve("Dockerfile"), "FROM a:1\nUSER 1:1\n");
        Path report = Files.writeString(root.resolve("lint.json"), "{}");
        LintMemo memo = new LintMemo(root.resolve("work/lint-memo.txt"));
        assertFalse(memo.passed("warning", dockerfile, report), "nothing remembered yet");

        memo.remember("warning", dockerfile);
        assertTrue(memo.passed("warning", dockerfile, report));
        assertFalse(memo.passed("info", dockerfile, report), "other settings");

        Files.delete(report);
        assertFalse(memo.passed("warning", dockerfile, report), "the report is gone");
        Files.writeString(report, "{}");

        Files.writeString(dockerfile, "FROM a:1\n");
        assertFalse(memo.passed("warning", dockerfile, report), "another Dockerfile");

        memo.remember("warning", dockerfile);
        memo.forget();
        assertFalse(memo.passed("warning", dockerfile, report), "forgotten before a lint that may fail");
    }
}
