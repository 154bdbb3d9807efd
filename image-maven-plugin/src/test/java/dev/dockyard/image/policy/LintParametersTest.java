package dev.dockyard.image.policy;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockyard.image.support.UserFixableException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LintParametersTest {

    @Test
    void anUnknownRuleIdIsAnInvalidLintConfigurationListingTheKnownIds() throws Exception {
        LintParameters parameters = new LintParameters("warning", List.of(), List.of("user-rot"), List.of(), null);
        UserFixableException e = assertThrows(UserFixableException.class, parameters::linter);
        assertTrue(
                e.getMessage()
                        .startsWith("Invalid lint configuration: unknown lint rule id(s) [user-rot];"
                                + " known ids: add-local, "),
                e.getMessage());
    }
}
