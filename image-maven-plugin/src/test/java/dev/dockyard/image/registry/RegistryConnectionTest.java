package dev.dockyard.image.registry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockyard.image.engine.RegistryException;
import dev.dockyard.image.support.CoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryConnectionTest {

    @Test
    void plainHttpOnlyForLoopbackAndTheListedRegistries() throws Exception {
        RegistryConnection connection =
                RegistryConnection.of(null, List.of("build.internal:5000", " Mirror.Local "), Duration.ofSeconds(5));
        assertTrue(connection.mayUsePlainHttp("localhost:5000"));
        assertTrue(connection.mayUsePlainHttp("127.0.0.1:34567"));
        assertTrue(connection.mayUsePlainHttp("build.internal:5000"));
        assertTrue(connection.mayUsePlainHttp("mirror.local:443"));
        assertFalse(connection.mayUsePlainHttp("build.internal:5001"));
        assertFalse(connection.mayUsePlainHttp("registry.example.com"));
        assertFalse(connection.mayUsePlainHttp("127.0.0.1.example.com"));
    }

    @Test
    void aCaFileWithoutCertificatesIsNamed(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("ca.pem"), "not a certificate\n");
        RegistryException e = assertThrows(
                RegistryException.class, () -> RegistryConnection.of(file, List.of(), Duration.ofSeconds(5)));
        String message = CoreException.plain(e.markedMessage());
        assertTrue(message.contains("registryCaFile") && message.contains(file.toString()), message);
    }
}
