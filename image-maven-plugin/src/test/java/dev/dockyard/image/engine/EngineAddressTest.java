package dev.dockyard.image.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineAddressTest {

    @TempDir
    Path home;

    @Test
    void dockerHostWins() throws Exception {
        writeContext("remote", "tcp://remote:2376");
        EngineAddress address = EngineAddress.resolve(Map.of("DOCKER_HOST", "unix:///run/user/1000/docker.sock"), home);
        assertEquals("unix:///run/user/1000/docker.sock", address.host());
        assertFalse(address.tlsVerify());
        assertEquals("unix:///run/user/1000/docker.sock (from DOCKER_HOST)", address.describe());
        assertEquals("localhost", address.publishedHost());
    }

    @Test
    void tlsSettingsComeWithDockerHost() throws Exception {
        EngineAddress address = EngineAddress.resolve(
                Map.of("DOCKER_HOST", "tcp://build-host:2376", "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", "/certs"),
                home);
        assertTrue(address.tlsVerify());
        assertEquals(Path.of("/certs"), address.certPath());
        assertEquals("build-host", address.publishedHost());

        EngineAddress defaultCerts = EngineAddress.resolve(
                Map.of("DOCKER_HOST", "tcp://build-host:2376", "DOCKER_TLS_VERIFY", "true"), home);
        assertEquals(home.resolve(".docker"), defaultCerts.certPath());

        EngineAddress off =
                EngineAddress.resolve(Map.of("DOCKER_HOST", "tcp://build-host:2375", "DOCKER_TLS_VERIFY", "0"), home);
        assertFalse(off.tlsVerify());
        assertNull(off.certPath());
    }

    @Test
    void currentContextOfTheCliConfiguration() throws Exception {
        writeContext("colima", "unix:///home/dev/.colima/default/docker.sock");
        Files.writeString(home.resolve(".docker/config.json"), "{\"auths\":{},\"currentContext\":\"colima\"}");
        EngineAddress address = EngineAddress.resolve(Map.of(), home);
        assertEquals("unix:///home/dev/.colima/default/docker.sock", address.host());
        assertEquals("Docker context 'colima'", address.source());
        assertFalse(address.tlsVerify());
    }

    @Test
    void dockerContextVariableAndTlsMaterialOfTheContext() throws Exception {
        writeContext("prod", "tcp://prod:2376");
        Path tls = home.resolve(".docker/contexts/tls").resolve(sha256("prod")).resolve("docker");
        Files.createDirectories(tls);
        Files.writeString(home.resolve(".docker/config.json"), "{\"currentContext\":\"other\"}");
        EngineAddress address = EngineAddress.resolve(Map.of("DOCKER_CONTEXT", "prod"), home);
        assertEquals("tcp://prod:2376", address.host());
        assertTrue(address.tlsVerify());
        assertEquals(tls, address.certPath());
    }

    @Test
    void defaultContextAndNoConfigurationMeanTheDefaultSocket() throws Exception {
        assertEquals(
                EngineAddress.DEFAULT_HOST,
                EngineAddress.resolve(Map.of(), home).host());
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{\"currentContext\":\"default\"}");
        EngineAddress address = EngineAddress.resolve(Map.of(), home);
        assertEquals("unix:///var/run/docker.sock (from the default socket)", address.describe());
    }

    @Test
    void anUndefinedContextIsNamed() throws Exception {
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{\"currentContext\":\"gone\"}");
        EngineException e = assertThrows(EngineException.class, () -> EngineAddress.resolve(Map.of(), home));
        assertTrue(
                e.getMessage().startsWith("Docker context 'gone' (from the current Docker context of "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("Select an existing context (docker context use NAME) or set DOCKER_HOST."));
    }

    @Test
    void unreachableMessageNamesTheAddressAndTheWaysOut() {
        EngineAddress address = new EngineAddress("unix:///nowhere.sock", false, null, "DOCKER_HOST");
        String message = new EngineUnreachableException(
                        address, new RuntimeException("wrapper", new IOException("No such file or directory")))
                .getMessage();
        assertEquals(
                "No Docker engine answers at unix:///nowhere.sock (from DOCKER_HOST): No such file or"
                        + " directory. Start Docker, point DOCKER_HOST at a running engine (e.g."
                        + " DOCKER_HOST=unix:///var/run/docker.sock or tcp://host:2376 with DOCKER_TLS_VERIFY=1 and"
                        + " DOCKER_CERT_PATH), or skip the image goals with -D<skip>.",
                message);
    }

    private void writeContext(String name, String host) throws Exception {
        Path meta = home.resolve(".docker/contexts/meta").resolve(sha256(name));
        Files.createDirectories(meta);
        Files.writeString(
                meta.resolve("meta.json"),
                "{\"Name\":\"" + name + "\",\"Metadata\":{}," + "\"Endpoints\":{\"docker\":{\"Host\":\"" + host
                        + "\",\"SkipTLSVerify\":false}}}");
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
