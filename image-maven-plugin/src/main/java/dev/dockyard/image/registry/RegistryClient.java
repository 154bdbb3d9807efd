package dev.dockyard.image.registry;

import static dev.dockyard.image.support.CoreException.mention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.engine.EngineLog;
import dev.dockyard.image.engine.RegistryCredentials;
import dev.dockyard.image.engine.RegistryException;
import dev.dockyard.image.support.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import javax.net.ssl.SSLException;

/**
 * One repository of one registry, spoken to as the OCI Distribution Specification says. Requests carry the
 * credentials the registry's challenge asks for: none, Basic, or a Bearer token fetched from the challenge's realm
 * for this repository's {@code pull,push} scope (and {@code pull} of the repositories blobs are mounted from). The
 * {@code Authorization} header, the password and the tokens are never logged nor put into a message; messages name
 * the registry, the request's purpose, the status and the registry's error codes.
 */
public final class RegistryClient {

    /** Blobs up to this size are uploaded in one request, larger ones in chunks of it. */
    static final int DEFAULT_CHUNK = 16 << 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String registry;
    private final String repository;
    private final Optional<RegistryCredentials> credentials;
    private final RegistryConnection connection;
    private final EngineLog log;
    private final HttpClient http;
    private final TreeSet<String> scopes = new TreeSet<>();
    private final Map<String, String> tokens = new HashMap<>();
    private int chunk = DEFAULT_CHUNK;
    private URI base;
    private Challenge challenge;
    private String authorization;
    private long uploadedBytes;
    private int uploadedBlobs;

    /**
     * @param registry    {@code host[:port]} as image references name it ({@code docker.io} for Docker Hub)
     * @param repository  the repository, e.g. {@code shop/orders}
     * @param credentials what {@code CredentialLookup} found, or empty (anonymous)
     */
    public RegistryClient(
            String registry,
            String repository,
            Optional<RegistryCredentials> credentials,
            RegistryConnection connection,
            EngineLog log) {
        this.registry = registry;
        this.repository = repository;
        this.credentials = credentials;
        this.connection = connection;
        this.log = log;
        this.http = HttpClient.newBuilder()
                .sslContext(connection.ssl())
                .connectTimeout(connection.timeout())
                .followRedirects(HttpClient.Redirect.NEVER) // a redirect to another host must not get the credentials
                .build();
        scopes.add("repository:" + repository + ":pull,push");
    }

    /** The bytes of the blobs this client uploaded. */
    public long uploadedBytes() {
        return uploadedBytes;
    }

    /** How many blobs this client uploaded. */
    public int uploadedBlobs() {
        return uploadedBlobs;
    }

    void chunkSize(int bytes) {
        this.chunk = bytes;
    }

    /** The registry this client talks to, as its references name it ({@code 127.0.0.1:5000}). */
    public String registry() {
        return registry;
    }

    /**
     * Finds the registry's address ({@code https}, or plain {@code http} where allowed and the registry does not
     * speak TLS) and the authentication it asks for ({@code GET /v2/}).
     *
     * @throws EngineException when it cannot be reached (environment), RegistryException when TLS fails or the
     *                         address is not a registry
     */
    public void ping() throws EngineException {
        String host = registry.equals("docker.io") ? "registry-1.docker.io" : registry;
        base = URI.create("https://" + host);
        HttpResponse<byte[]> response;
        try {
            response = raw(HttpRequest.newBuilder(base.resolve("/v2/")).GET(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (SSLException e) {
            if (!connection.mayUsePlainHttp(registry) || untrusted(e)) {
                throw tlsFailure(e);
            }
            log.debug("The registry " + registry + " does not speak TLS: plain HTTP (a local or insecure registry)");
            base = URI.create("http://" + host);
            response = send(HttpRequest.newBuilder(base.resolve("/v2/")).GET(), "reach the registry");
        } catch (IOException e) {
            throw unreachable(e);
        }
        if (response.statusCode() == 401) {
            challenge = Challenge.parse(
                            response.headers().firstValue("WWW-Authenticate").orElse(null))
                    .orElse(null);
            authorize();
        } else if (response.statusCode() != 200) {
            throw failure(response, "reach the registry (GET /v2/)");
        }
        log.debug("Registry " + registry + " at " + base + ", authentication: "
                + (challenge == null ? "none" : challenge.scheme()));
    }

    /** Adds the scope of reading {@code from}, another repository of this registry, for mounts. */
    public void readAlso(String from) throws EngineException {
        if (scopes.add("repository:" + from + ":pull")) {
            authorize();
        }
    }

    /** Whether the repository has the blob ({@code HEAD}). */
    public boolean hasBlob(String digest) throws EngineException {
        HttpResponse<byte[]> response = send(
                HttpRequest.newBuilder(url("/blobs/" + digest)).method("HEAD", HttpRequest.BodyPublishers.noBody()),
                "check for the blob " + digest);
        if (response.statusCode() == 200) {
            return true;
        }
        if (response.statusCode() == 404) {
            return false;
        }
        throw failure(response, "check for the blob " + digest);
    }

    /**
     * Mounts the blob from another repository of this registry, without sending it.
     *
     * @return {@code false} when the registry did not mount it (it then has to be uploaded)
     */
    public boolean mount(String digest, String from) throws EngineException {
        readAlso(from);
        HttpResponse<byte[]> response = send(
                HttpRequest.newBuilder(url("/blobs/uploads/?mount=" + encode(digest) + "&from=" + encode(from)))
                        .POST(HttpRequest.BodyPublishers.noBody()),
                "mount the blob " + digest + " from " + from);
        if (response.statusCode() == 201) {
            return true;
        }
        if (response.statusCode() == 202) { // an upload was started instead: cancel it
            cancel(location(response));
            return false;
        }
        throw failure(response, "mount the blob " + digest + " from " + from);
    }

    /**
     * Uploads a blob: in one {@code PUT} up to the chunk size, else in {@code PATCH} chunks closed by a {@code PUT};
     * the registry checks the digest, and the digest it answers must be {@code digest}.
     */
    public void upload(String digest, Path file, long size) throws EngineException, IOException {
        String what = "upload the blob " + digest;
        HttpResponse<byte[]> started =
                send(HttpRequest.newBuilder(url("/blobs/uploads/")).POST(HttpRequest.BodyPublishers.noBody()), what);
        if (started.statusCode() != 202) {
            throw failure(started, what);
        }
        URI location = location(started);
        HttpResponse<byte[]> done;
        if (size <= chunk) {
            done = send(
                    HttpRequest.newBuilder(withDigest(location, digest))
                            .header("Content-Type", "application/octet-stream")
                            .PUT(HttpRequest.BodyPublishers.ofFile(file)),
                    what);
        } else {
            try (InputStream in = Files.newInputStream(file)) {
                long offset = 0;
                while (offset < size) {
                    byte[] bytes = in.readNBytes((int) Math.min(chunk, size - offset));
                    if (bytes.length == 0) {
                        throw new IOException(file + " ended at " + offset + " of " + size + " bytes");
                    }
                    HttpResponse<byte[]> patched = send(
                            HttpRequest.newBuilder(location)
                                    .header("Content-Type", "application/octet-stream")
                                    .header("Content-Range", offset + "-" + (offset + bytes.length - 1))
                                    .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes)),
                            what);
                    if (patched.statusCode() != 202) {
                        throw failure(patched, what + " (chunk at " + offset + ")");
                    }
                    location = location(patched);
                    offset += bytes.length;
                }
            }
            done = send(
                    HttpRequest.newBuilder(withDigest(location, digest)).PUT(HttpRequest.BodyPublishers.noBody()),
                    what);
        }
        if (done.statusCode() != 201) {
            throw failure(done, what);
        }
        String answered = done.headers().firstValue("Docker-Content-Digest").orElse(digest);
        if (!answered.equals(digest)) {
            throw new EngineException("The registry " + registry + " stored the blob " + digest + " as " + answered
                    + ": the upload was damaged on the way; push again.");
        }
        uploadedBytes += size;
        uploadedBlobs++;
    }

    /** A manifest or index read from the registry: its bytes, media type and digest. */
    public record Manifest(byte[] bytes, String mediaType, String digest) {}

    /** Reads the manifest (or index) of {@code reference}, a tag or a digest, accepting {@code mediaTypes}. */
    public Manifest manifest(String reference, List<String> mediaTypes) throws EngineException {
        String what = "read the manifest " + repository + ":" + reference;
        HttpResponse<byte[]> response = send(
                HttpRequest.newBuilder(url("/manifests/" + reference))
                        .header("Accept", String.join(", ", mediaTypes))
                        .GET(),
                what);
        if (response.statusCode() != 200) {
            throw failure(response, what);
        }
        String digest = "sha256:" + Sha256.hex(response.body());
        if (reference.startsWith("sha256:") && !reference.equals(digest)) {
            throw new EngineException(
                    "The registry " + registry + " answered " + what + " with other content (" + digest + ")");
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        return new Manifest(response.body(), type, digest);
    }

    /**
     * Writes {@code manifest} under {@code tag}.
     *
     * @return the manifest's digest, as the registry answered it
     */
    public String putManifest(String tag, byte[] manifest, String mediaType) throws EngineException {
        String what = "write the manifest " + repository + ":" + tag;
        HttpResponse<byte[]> response = send(
                HttpRequest.newBuilder(url("/manifests/" + tag))
                        .header("Content-Type", mediaType)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest)),
                what);
        if (response.statusCode() != 201) {
            throw failure(response, what);
        }
        String digest = "sha256:" + Sha256.hex(manifest);
        String answered = response.headers().firstValue("Docker-Content-Digest").orElse(digest);
        if (!answered.equals(digest)) {
            throw new EngineException(
                    "The registry " + registry + " stored the manifest " + digest + " as " + answered + ".");
        }
        return digest;
    }

    /** Downloads a blob into {@code target}, following a redirect without the credentials; the digest checked. */
    public void download(String digest, Path target) throws EngineException, IOException {
        String what = "read the blob " + digest;
        Path part = target.resolveSibling(target.getFileName() + ".part");
        Files.createDirectories(target.toAbsolutePath().getParent());
        HttpResponse<Path> response = send(
                HttpRequest.newBuilder(url("/blobs/" + digest)).GET(), HttpResponse.BodyHandlers.ofFile(part), what);
        for (int redirects = 0; isRedirect(response.statusCode()) && redirects < 5; redirects++) {
            URI next = response.uri()
                    .resolve(response.headers().firstValue("Location").orElseThrow());
            try {
                response = raw(HttpRequest.newBuilder(next).GET(), HttpResponse.BodyHandlers.ofFile(part));
            } catch (IOException e) {
                throw unreachable(e);
            }
        }
        if (response.statusCode() != 200) {
            Files.deleteIfExists(part);
            throw new RegistryException("Could not " + what + " from " + registry + "/" + repository + ": HTTP "
                    + response.statusCode() + ".");
        }
        String got = "sha256:" + Sha256.hex(part);
        if (!got.equals(digest)) {
            Files.deleteIfExists(part);
            throw new EngineException("The registry " + registry + " sent " + got + " for the blob " + digest + ".");
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
    }

    // --- requests and authentication ---

    private HttpResponse<byte[]> send(HttpRequest.Builder request, String what) throws EngineException {
        return send(request, HttpResponse.BodyHandlers.ofByteArray(), what);
    }

    /** Sends with the current authorization; a 401 gets a new token (or Basic) once, then the request again. */
    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body, String what)
            throws EngineException {
        if (base == null) {
            ping();
        }
        try {
            HttpResponse<T> response = raw(authorized(request.copy()), body);
            if (response.statusCode() == 401) {
                Optional<Challenge> asked = Challenge.parse(
                        response.headers().firstValue("WWW-Authenticate").orElse(null));
                if (asked.isPresent()) {
                    challenge = asked.get();
                    tokens.clear();
                    authorize();
                    response = raw(authorized(request.copy()), body);
                }
            }
            return response;
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private <T> HttpResponse<T> raw(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body)
            throws IOException, EngineException {
        try {
            return http.send(
                    request.timeout(connection.timeout())
                            .header("User-Agent", "dockyard-image-maven-plugin")
                            .build(),
                    body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("Interrupted while talking to the registry " + registry);
        }
    }

    /** Sets the {@code Authorization} header the challenge asks for. */
    private void authorize() throws EngineException {
        if (challenge == null) {
            authorization = null;
        } else if (challenge.isBasic()) {
            authorization = credentials
                    .filter(c -> !c.identityToken())
                    .map(RegistryClient::basic)
                    .orElse(null);
        } else if (challenge.isBearer()) {
            String scope = String.join(" ", scopes);
            String token = tokens.get(scope);
            if (token == null) {
                token = token();
                tokens.put(scope, token);
            }
            authorization = "Bearer " + token;
        }
    }

    /** The Bearer token flow: the realm gives a token for the scopes, to the credentials when there are any. */
    private String token() throws EngineException {
        String realm = challenge.realm();
        if (realm == null || realm.isBlank()) {
            throw new RegistryException("The registry " + registry + " asks for a Bearer token but names no realm"
                    + " to get one from: check that " + registry + " is a registry.");
        }
        URI uri = URI.create(realm);
        if (!"https".equals(uri.getScheme())
                && credentials.isPresent()
                && !connection.mayUsePlainHttp(uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()))) {
            throw new RegistryException("The registry " + registry + " sends for tokens to " + uri.getScheme() + "://"
                    + uri.getHost() + ", not over TLS: credentials are not sent there. List the host in "
                    + mention("insecureRegistries") + " if that is intended.");
        }
        StringBuilder query = new StringBuilder();
        if (challenge.service() != null) {
            query.append("service=").append(encode(challenge.service()));
        }
        for (String scope : scopes) {
            query.append(query.length() == 0 ? "" : "&").append("scope=").append(encode(scope));
        }
        HttpRequest.Builder request;
        if (credentials.isPresent() && credentials.get().identityToken()) {
            String form = query + "&grant_type=refresh_token&client_id=dockyard&refresh_token="
                    + encode(credentials.get().secret());
            request = HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
        } else {
            String separator = realm.contains("?") ? "&" : "?";
            request = HttpRequest.newBuilder(URI.create(realm + separator + query))
                    .GET();
            credentials.ifPresent(c -> request.header("Authorization", basic(c)));
        }
        HttpResponse<byte[]> response;
        try {
            response = raw(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw unreachable(e);
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw refused(response);
        }
        if (response.statusCode() != 200) {
            throw new RegistryException("The token service of " + registry + " (" + uri.getHost() + ") answered HTTP "
                    + response.statusCode() + ": check the registry's authentication set-up.");
        }
        try {
            JsonNode json = JSON.readTree(response.body());
            String token = json.path("token").asText(json.path("access_token").asText(""));
            if (token.isEmpty()) {
                throw new RegistryException("The token service of " + registry + " answered no token.");
            }
            return token;
        } catch (IOException e) {
            throw new RegistryException("The token service of " + registry + " answered something other than JSON.");
        }
    }

    private static String basic(RegistryCredentials c) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((c.username() + ":" + c.secret()).getBytes(StandardCharsets.UTF_8));
    }

    // --- failures: never a header, never a credential ---

    private EngineException failure(HttpResponse<?> response, String what) {
        int status = response.statusCode();
        if (status == 401) {
            return refused(response);
        }
        String errors = errors(response);
        if (status == 403 || errors.contains("DENIED")) {
            return new RegistryException("The registry " + registry + " denied to " + what + " (HTTP " + status + errors
                    + "): check that " + describe() + " may push to " + repository + ".");
        }
        if (status == 404 && what.startsWith("reach")) {
            return new RegistryException("No registry answers at " + base + " (GET /v2/ gave HTTP 404): check the"
                    + " registry part of " + mention("imageName") + ".");
        }
        return new EngineException("The registry " + registry + " could not " + what + ": HTTP " + status + errors);
    }

    private RegistryException refused(HttpResponse<?> response) {
        String status = "HTTP " + response.statusCode() + errors(response) + ". ";
        return new RegistryException(status
                + credentials
                        .map(c -> "The registry refused the credentials of " + c.source() + ": check that user's name"
                                + " and password (an encrypted password needs the master password of"
                                + " settings-security.xml).")
                        .orElse("The registry wants credentials: add a <server> with <id>" + registry + "</id> to"
                                + " settings.xml, docker login " + registry + ", or set " + mention("registryUsername")
                                + " and " + mention("registryPassword") + "."));
    }

    private String describe() {
        return credentials.map(RegistryCredentials::describe).orElse("an anonymous user");
    }

    /** {@code , UNAUTHORIZED: authentication required} from the registry's error body. */
    private static String errors(HttpResponse<?> response) {
        if (!(response.body() instanceof byte[] bytes) || bytes.length == 0) {
            return "";
        }
        try {
            List<String> errors = new ArrayList<>();
            for (JsonNode error : JSON.readTree(bytes).path("errors")) {
                String code = error.path("code").asText("");
                String message = error.path("message").asText("");
                errors.add(code + (message.isEmpty() ? "" : ": " + message));
            }
            return errors.isEmpty() ? "" : ", " + String.join("; ", errors);
        } catch (IOException e) {
            return "";
        }
    }

    /** The registry did not answer: the user's setup (its address, or a registry to start), as for the engine's push. */
    private RegistryException unreachable(IOException e) {
        if (e instanceof SSLException ssl) {
            return tlsFailure(ssl);
        }
        String reason = e instanceof ConnectException
                ? "connection refused"
                : e instanceof HttpConnectTimeoutException
                        ? "no connection within " + connection.timeout().toSeconds() + "s"
                        : e instanceof HttpTimeoutException
                                ? "no answer within " + connection.timeout().toSeconds() + "s ("
                                        + mention("registryTimeout") + ")"
                                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return new RegistryException("The registry " + registry + " is unreachable at " + base + " (" + reason
                + "): check that it is running and that the registry part of " + mention("imageName") + " is right.");
    }

    private RegistryException tlsFailure(SSLException e) {
        String hint = untrusted(e)
                ? (connection.caFile() == null
                        ? "its certificate is not trusted: give the CA's certificate (PEM) as "
                                + mention("registryCaFile")
                        : "its certificate is trusted neither by the JVM nor by " + mention("registryCaFile") + " "
                                + connection.caFile() + ": give the CA that signed it")
                : "check that " + registry + " speaks HTTPS, or list it in " + mention("insecureRegistries")
                        + " to use plain HTTP";
        return new RegistryException(
                "TLS to the registry " + registry + " failed (" + e.getMessage() + "): " + hint + ".");
    }

    private static boolean untrusted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException
                    || String.valueOf(t.getMessage()).contains("PKIX")
                    || String.valueOf(t.getMessage()).contains("No subject alternative")) {
                return true;
            }
        }
        return false;
    }

    // --- addresses ---

    private URI url(String path) throws EngineException {
        if (base == null) {
            ping();
        }
        return base.resolve("/v2/" + repository + path);
    }

    private URI location(HttpResponse<?> response) throws EngineException {
        String location = response.headers().firstValue("Location").orElse(null);
        if (location == null) {
            throw new EngineException("The registry " + registry + " started an upload without a Location.");
        }
        return response.uri().resolve(location);
    }

    private void cancel(URI upload) {
        try {
            raw(authorized(HttpRequest.newBuilder(upload).DELETE()), HttpResponse.BodyHandlers.discarding());
        } catch (IOException | EngineException e) {
            log.debug("Could not cancel an upload at " + registry + ": "
                    + e.getClass().getSimpleName());
        }
    }

    private static URI withDigest(URI location, String digest) {
        String text = location.toString();
        return URI.create(text + (text.contains("?") ? "&" : "?") + "digest=" + encode(digest));
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
