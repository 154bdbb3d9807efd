package dev.dockyard.image.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockyard.image.engine.RegistryCredentials;
import dev.dockyard.image.engine.RegistryException;
import dev.dockyard.image.support.CoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialLookupTest {

    private static final String REGISTRY = "localhost:5000";

    @TempDir
    Path dir;

    private CredentialLookup lookup(List<ServerCredentials> servers, String user, String password) {
        return new CredentialLookup(servers, dir.resolve("docker"), List.of(dir.resolve("bin")), user, password);
    }

    private void dockerConfig(String json) throws IOException {
        Files.createDirectories(dir.resolve("docker"));
        Files.writeString(dir.resolve("docker/config.json"), json);
    }

    /** A program speaking the credential helper protocol: reads the server, answers JSON or "not found". */
    private void helper(String name, String script) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path helper = bin.resolve("docker-credential-" + name);
        Files.writeString(helper, "#!/bin/sh\nread server\n" + script + "\n");
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void settingsServerNamedAfterTheRegistryWinsOverEverythingElse() throws Exception {
        dockerConfig("{\"auths\":{\"localhost:5000\":{\"auth\":\"" + base64("docker:secret") + "\"}}}");
        RegistryCredentials found = lookup(
                        List.of(new ServerCredentials("localhost:5000", "maven", "pw")), "property", "pw2")
                .find(REGISTRY, null)
                .orElseThrow();
        assertEquals("maven", found.username());
        assertEquals("settings.xml server 'localhost:5000' (user maven)", found.describe());
    }

    @Test
    void serverIdPicksTheServerAndAMissingOneIsAnError() throws Exception {
        CredentialLookup lookup = lookup(List.of(new ServerCredentials("company", "ci", "pw")), null, null);
        assertEquals("ci", lookup.find(REGISTRY, "company").orElseThrow().username());
        RegistryException e = assertThrows(RegistryException.class, () -> lookup.find(REGISTRY, "other"));
        assertTrue(
                e.getMessage().startsWith("<registryServerId> 'other' names no <server> with credentials"),
                e.getMessage());
    }

    @Test
    void dockerConfigAuthsWithSchemeAndPath() throws Exception {
        dockerConfig("{\"auths\":{\"https://localhost:5000/v2/\":{\"auth\":\"" + base64("docker:se:cret") + "\"}}}");
        RegistryCredentials found =
                lookup(List.of(), null, null).find(REGISTRY, null).orElseThrow();
        assertEquals("docker", found.username());
        assertEquals("se:cret", found.secret());
        assertTrue(found.source().endsWith("config.json auths 'localhost:5000'"), found.source());
    }

    @Test
    void credHelperOfTheRegistryIsRunWithTheServerOnItsInput() throws Exception {
        dockerConfig("{\"credHelpers\":{\"localhost:5000\":\"test\"},\"credsStore\":\"other\"}");
        helper(
                "test",
                "echo \"{\\\"ServerURL\\\":\\\"$server\\\",\\\"Username\\\":\\\"$server-user\\\","
                        + "\\\"Secret\\\":\\\"s3\\\"}\"");
        RegistryCredentials found =
                lookup(List.of(), null, null).find(REGISTRY, null).orElseThrow();
        assertEquals("localhost:5000-user", found.username());
        assertEquals("s3", found.secret());
        assertEquals("credential helper docker-credential-test (user localhost:5000-user)", found.describe());
    }

    @Test
    void credsStoreWithoutTheServerFallsThroughToTheProperties() throws Exception {
        dockerConfig("{\"credsStore\":\"store\"}");
        helper("store", "echo 'credentials not found in native keychain'; exit 1");
        RegistryCredentials found =
                lookup(List.of(), "ci", "from-env").find(REGISTRY, null).orElseThrow();
        assertEquals("<registryUsername>/<registryPassword> (user ci)", CoreException.plain(found.describe()));
    }

    @Test
    void identityTokenFromAHelper() throws Exception {
        dockerConfig("{\"credsStore\":\"store\"}");
        helper("store", "echo '{\"Username\":\"<token>\",\"Secret\":\"xq-93-token-value\"}'");
        RegistryCredentials found =
                lookup(List.of(), null, null).find("docker.io", null).orElseThrow();
        assertTrue(found.identityToken());
        assertFalse(found.toString().contains("xq-93"));
    }

    @Test
    void missingOrFailingHelperIsAClearErrorWithoutItsInput() throws Exception {
        dockerConfig("{\"credsStore\":\"absent\"}");
        RegistryException missing = assertThrows(
                RegistryException.class, () -> lookup(List.of(), null, null).find(REGISTRY, null));
        assertTrue(missing.getMessage().contains("docker-credential-absent is not on the PATH"), missing.getMessage());
        dockerConfig("{\"credsStore\":\"broken\"}");
        helper("broken", "echo 'keychain locked' >&2; exit 3");
        RegistryException failed = assertThrows(
                RegistryException.class, () -> lookup(List.of(), null, null).find(REGISTRY, null));
        assertEquals(
                "The credential helper docker-credential-broken failed for localhost:5000 (exit status 3):"
                        + " keychain locked. Check the helper's store (docker login localhost:5000).",
                failed.getMessage());
    }

    @Test
    void nothingConfiguredIsAnonymous() throws Exception {
        assertEquals(Optional.empty(), lookup(List.of(), null, null).find(REGISTRY, null));
    }

    @Test
    void secretsStayOutOfStrings() {
        assertFalse(new ServerCredentials("id", "user", "pw-123").toString().contains("pw-123"));
        assertFalse(
                new RegistryCredentials("user", "pw-123", false, "x").toString().contains("pw-123"));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
