package dev.dockyard.image.policy;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class LintParametersTest {

    @Test
    void anUnknownRuleIdIsAnInvalidLintConfigurationListingTheKnownIds() {
        LintParameters parameters = new LintParameters("warning", List.of(), List.of("user-rot"), List.of(), null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, parameters::linter);
        assertTrue(e.getMessage().startsWith("Invalid lint configuration: unknown lint rule id(s) [user-rot];"
                + " known ids: add-local, "), e.getMessage());
    }
}
