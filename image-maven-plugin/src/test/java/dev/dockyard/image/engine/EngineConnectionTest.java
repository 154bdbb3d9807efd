package dev.dockyard.image.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Connecting fails closed: no plain connection when TLS is asked for, no hang on an engine that never answers. */
class EngineConnectionTest {

    @TempDir
    Path dir;

    @Test
    void tlsWithAMissingClientCertificateIsRefusedBeforeAnyConnection() throws Exception {
        Files.writeString(dir.resolve("ca.pem"), "not used");
        EngineAddress address = new EngineAddress("tcp://127.0.0.1:1", true, dir, "DOCKER_HOST");
        EngineUnreachableException e =
                assertThrows(EngineUnreachableException.class, () -> DockerEngine.connect(address, new RecordingLog()));
        assertEquals(
                "DOCKER_TLS_VERIFY is set but " + dir.resolve("cert.pem") + " is missing or not readable: Dockyard"
                        + " does not fall back to a plain connection to tcp://127.0.0.1:1. Put ca.pem, cert.pem and"
                        + " key.pem in DOCKER_CERT_PATH (" + dir + "), or unset DOCKER_TLS_VERIFY to talk to the"
                        + " engine without TLS.",
                e.getMessage());
        assertTrue(e.userFixable());
    }

    @Test
    void anAddressNoEngineSpeaksIsNamed() {
        EngineAddress address = new EngineAddress("ftp://127.0.0.1:2375", false, null, "DOCKER_HOST");
        EngineUnreachableException e =
                assertThrows(EngineUnreachableException.class, () -> DockerEngine.connect(address, new RecordingLog()));
        assertEquals(
                "DOCKER_HOST 'ftp://127.0.0.1:2375' (DOCKER_HOST) is not an engine address: use"
                        + " unix:///path/to/docker.sock, tcp://host:port or npipe:////./pipe/name.",
                e.getMessage());
    }

    @Test
    @Timeout(120) // a guard: without the limit on the first answer, this test would hang the suite
    void anEngineThatAcceptsAndNeverAnswersEndsWithOneMessage() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // read nothing, answer nothing
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            EngineAddress address =
                    new EngineAddress("tcp://127.0.0.1:" + silent.getLocalPort(), false, null, "DOCKER_HOST");
            EngineUnreachableException e = assertThrows(
                    EngineUnreachableException.class,
                    () -> DockerEngine.connect(address, new RecordingLog(), Duration.ofSeconds(1)));
            assertEquals(
                    "The Docker engine at " + address.describe() + " accepted the connection but did not answer"
                            + " within 1s: check that DOCKER_HOST points at a Docker engine (not another service)"
                            + " and that the engine is not stuck.",
                    e.getMessage());
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    @Timeout(120) // a guard: without the read limit, this test would hang the suite
    void anEngineThatFallsSilentAfterItsFirstAnswerEndsWithOneMessageNamingTheAddress() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket engine = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        Socket socket = engine.accept();
                        accepted.add(socket);
                        Thread reader = new Thread(() -> answerPingOnly(socket));
                        reader.setDaemon(true);
                        reader.start();
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            EngineAddress address =
                    new EngineAddress("tcp://127.0.0.1:" + engine.getLocalPort(), false, null, "DOCKER_HOST");
            // 5s, not less: the fake engine's first answer must arrive within it on a loaded machine
            try (DockerEngine connected = DockerEngine.connect(address, new RecordingLog(), Duration.ofSeconds(5))) {
                EngineException e = assertThrows(EngineException.class, connected::version);
                assertEquals(
                        "Could not read the engine's version: the Docker engine at " + address.describe()
                                + " sent nothing for 5s (<engineTimeout>): check that the engine is not stuck,"
                                + " or give a slow step more time, e.g. -D<engineTimeout>=30m",
                        e.getMessage());
            }
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    /** Answers {@code GET /_ping} like an engine, then reads every later request and never answers. */
    private static void answerPingOnly(Socket socket) {
        try {
            var in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
            var out = socket.getOutputStream();
            String line;
            boolean ping = false;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("GET ") && line.contains("/_ping")) {
                    ping = true;
                } else if (line.isEmpty() && ping) {
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nOK")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    out.flush();
                    ping = false;
                }
            }
        } catch (IOException closed) {
            // the test is over
        }
    }
}
