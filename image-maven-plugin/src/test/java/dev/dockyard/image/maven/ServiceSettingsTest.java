package dev.dockyard.image.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dockyard.image.support.DurationText;
import dev.dockyard.image.support.UserFixableException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceSettingsTest {

    @Test
    void portsHealthPathAndBuildArgs() throws Exception {
        assertEquals(List.of(8080, 9000), ServiceSettings.ports(8080, Arrays.asList(8080, null, 9000, 9000)));
        assertEquals(List.of(8080), ServiceSettings.ports(8080, null));
        assertNull(ServiceSettings.healthPath("none"));
        assertNull(ServiceSettings.healthPath(" NONE "));
        assertNull(ServiceSettings.healthPath(""));
        assertEquals("/health", ServiceSettings.healthPath(" /health"));
        assertEquals(
                Map.of("A", "1", "URL", "http://x/?a=b"),
                ServiceSettings.buildArgs(List.of("A=1", " ", "URL=http://x/?a=b")));
        UserFixableException e =
                assertThrows(UserFixableException.class, () -> ServiceSettings.buildArgs(List.of("=1", "B")));
        assertEquals("=1, B are not NAME=value", e.getMessage());
        assertEquals(java.util.Optional.of("buildArgs"), e.parameter());
    }

    @Test
    void oneDurationGrammarForTheRenderedHealthCheckAndVerify() throws Exception {
        assertEquals(java.time.Duration.ofNanos(1_500), DurationText.parse("1us500ns"));
        assertEquals("45s", DurationText.dockerText("45"));
        assertEquals("1m30s", DurationText.dockerText("1m30s"));
        assertThrows(IllegalArgumentException.class, () -> DurationText.dockerText("soon"));
    }
}
