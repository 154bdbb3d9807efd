package dev.dockyard.image.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dockyard.image.support.UserFixableException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagPolicyTest {

    @Test
    void versionKeepsTheConfiguredTagsThenTheCommit() throws Exception {
        assertEquals(
                List.of("1.4.2", "abc1234"), TagPolicy.VERSION.tags("1.4.2", List.of("1.4.2"), "abc1234def", null));
        assertEquals(List.of("1.4.2"), TagPolicy.VERSION.tags("1.4.2", List.of("1.4.2"), null, null));
    }

    @Test
    void semverReleaseGetsEveryLevelAndLatest() throws Exception {
        assertEquals(
                List.of("1.4.2", "1.4", "1", "latest", "abc1234"),
                TagPolicy.SEMVER.tags("1.4.2", List.of("1.4.2"), "abc1234", null));
    }

    @Test
    void semverSnapshotGetsOnlyItsVersionAndTheCommit() throws Exception {
        assertEquals(
                List.of("1.5.0-SNAPSHOT", "abc1234"),
                TagPolicy.SEMVER.tags("1.5.0-SNAPSHOT", List.of("1.5.0-SNAPSHOT"), "abc1234", null));
        assertEquals(List.of("2.0.0-rc.1"), TagPolicy.SEMVER.tags("2.0.0-rc.1", List.of(), null, null));
    }

    @Test
    void latestIsAddedOrSuppressedOnRequest() throws Exception {
        assertEquals(List.of("1.4.2", "1.4", "1"), TagPolicy.SEMVER.tags("1.4.2", List.of(), null, false));
        assertEquals(List.of("1.4.2", "latest"), TagPolicy.VERSION.tags("1.4.2", List.of("1.4.2"), null, true));
        assertEquals(List.of("1.4.2"), TagPolicy.VERSION.tags("1.4.2", List.of("1.4.2", "latest"), null, false));
    }

    @Test
    void semverRejectsOtherVersionsAndUnknownPolicies() throws Exception {
        UserFixableException e =
                assertThrows(UserFixableException.class, () -> TagPolicy.SEMVER.tags("1.4", List.of(), null, null));
        assertEquals(
                "the project version '1.4' is not a semantic version MAJOR.MINOR.PATCH[-qualifier]: use"
                        + " <tagPolicy>=version, or a version like 1.4.2",
                e.getMessage());
        assertEquals(
                "'calver' is not a tag policy: use version or semver",
                assertThrows(UserFixableException.class, () -> TagPolicy.parse("calver"))
                        .getMessage());
        assertEquals(TagPolicy.SEMVER, TagPolicy.parse(" SemVer "));
    }
}
