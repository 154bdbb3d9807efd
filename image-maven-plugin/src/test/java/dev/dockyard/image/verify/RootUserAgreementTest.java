package dev.dockyard.image.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockyard.image.model.ImageDetails;
import dev.dockyard.image.policy.LintSettings;
import dev.dockyard.image.policy.Linter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** image:lint (rule user-root) and image:verify (check non-root-user) agree on every way of writing root. */
class RootUserAgreementTest {

    @Test
    void lintAndVerifyAgree() {
        Linter linter = new Linter(LintSettings.builder().build());
        for (String user : List.of(
                "root",
                "0",
                "00",
                "0:0",
                "root:root",
                "root:staff",
                "65532:65532",
                "1000",
                "app",
                "app:root",
                "10:0")) {
            boolean lintSaysRoot = linter.lint("Dockerfile", "FROM scratch\nUSER " + user + "\n").findings().stream()
                    .anyMatch(f -> f.rule().equals("user-root"));
            boolean verifySaysRoot = ImageVerifier.user(
                            new ImageDetails("sha256:1", List.of(), 0, "", user, null, Set.of(), Map.of(), List.of()))
                    .failed();
            assertEquals(lintSaysRoot, verifySaysRoot, user);
            assertEquals(dev.dockyard.image.dockerfile.Users.isRoot(user), verifySaysRoot, user);
        }
    }
}
