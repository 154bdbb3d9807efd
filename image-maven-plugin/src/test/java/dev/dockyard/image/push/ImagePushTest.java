package dev.dockyard.image.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockyard.image.engine.RegistryCredentials;
import dev.dockyard.image.support.CoreException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a failed push tells the user to check, by the reason the engine gave. */
class ImagePushTest {

    private static final Optional<RegistryCredentials> SETTINGS =
            Optional.of(new RegistryCredentials("ci", "pw-secret", false, "settings.xml server 'reg.example.com'"));

    @Test
    void refusedCredentialsNameTheirSource() {
        assertEquals(
                "The registry refused the credentials of settings.xml server 'reg.example.com': check that"
                        + " user's name and password (an encrypted password needs the master password of"
                        + " settings-security.xml).",
                ImagePush.hint("unauthorized: authentication required", "reg.example.com", null, SETTINGS));
    }

    @Test
    void anonymousPushIsToldWhereCredentialsGo() {
        assertEquals(
                "The registry wants credentials: add a <server> with <id>reg.example.com</id> to settings.xml,"
                        + " docker login reg.example.com, or set <registryUsername> and <registryPassword>.",
                CoreException.plain(
                        ImagePush.hint("no basic auth credentials", "reg.example.com", null, Optional.empty())));
    }

    @Test
    void unreachableTlsAndUnknownRepository() {
        assertTrue(ImagePush.hint(
                        "Get \"https://reg.example.com/v2/\": dial tcp 10.0.0.1:443: connect: connection" + " refused",
                        "reg.example.com",
                        null,
                        SETTINGS)
                .startsWith("The registry is unreachable"));
        assertTrue(ImagePush.hint(
                        "Get \"https://reg.example.com/v2/\": x509: certificate signed by unknown" + " authority",
                        "reg.example.com",
                        null,
                        SETTINGS)
                .startsWith("TLS to the registry failed"));
        assertTrue(
                ImagePush.hint("name unknown: repository name not known to registry", "reg.example.com", null, SETTINGS)
                        .startsWith("The registry does not know this repository"));
        assertTrue(ImagePush.hint(
                        "An image does not exist locally with the tag: reg.example.com/a",
                        "reg.example.com",
                        null,
                        SETTINGS)
                .startsWith("The engine has no image with that tag"));
    }

    @Test
    void noHintRevealsTheSecret() {
        for (String reason : new String[] {"unauthorized", "denied", "x509", "dial tcp", "404", "other"}) {
            assertTrue(
                    !ImagePush.hint(reason, "reg.example.com", null, SETTINGS).contains("pw-secret"));
        }
    }
}
