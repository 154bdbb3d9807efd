package dev.dockyard.image.engine;

import static dev.dockyard.image.support.CoreException.mention;

import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.dockyard.image.support.DurationText;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The transport with its read limit made one message: a request the engine leaves unanswered for longer than
 * {@code image.engineTimeout}, or a response that stalls that long, fails naming the engine's address and the
 * parameter, the way every other engine error reaches the adapter (a {@link DockerException}).
 */
final class TimedHttpClient implements DockerHttpClient {

    private final DockerHttpClient delegate;
    private final String address;
    private final Duration timeout;

    TimedHttpClient(DockerHttpClient delegate, String address, Duration timeout) {
        this.delegate = delegate;
        this.address = address;
        this.timeout = timeout;
    }

    @Override
    public Response execute(Request request) {
        Response response;
        try {
            response = delegate.execute(request);
        } catch (RuntimeException e) {
            if (timedOut(e)) {
                throw silent(e);
            }
            throw e;
        }
        return new Response() {
            @Override
            public int getStatusCode() {
                return response.getStatusCode();
            }

            @Override
            public Map<String, List<String>> getHeaders() {
                return response.getHeaders();
            }

            @Override
            public String getHeader(String name) {
                return response.getHeader(name);
            }

            @Override
            public InputStream getBody() {
                return new FilterInputStream(response.getBody()) {
                    @Override
                    public int read() throws IOException {
                        try {
                            return super.read();
                        } catch (IOException e) {
                            if (timedOut(e)) {
                                throw silent(e);
                            }
                            throw e;
                        }
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        try {
                            return super.read(b, off, len);
                        } catch (IOException e) {
                            if (timedOut(e)) {
                                throw silent(e);
                            }
                            throw e;
                        }
                    }
                };
            }

            @Override
            public void close() {
                response.close();
            }
        };
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    /** Whether the transport gave up waiting for the engine to say anything. */
    static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private EngineSilentException silent(Throwable cause) {
        return new EngineSilentException(
                "the Docker engine at " + address + " sent nothing for " + DurationText.format(timeout)
                        + " (" + mention("engineTimeout")
                        + "): check that the engine is not stuck, or give a slow step more"
                        + " time, e.g. -D" + mention("engineTimeout") + "=30m",
                cause);
    }

    /** The engine stayed silent past the limit; the message is the whole story (no HTTP status). */
    static final class EngineSilentException extends DockerException {

        private static final long serialVersionUID = 1L;

        private final String message;

        EngineSilentException(String message, Throwable cause) {
            super(message, 0, cause);
            this.message = message;
        }

        @Override
        public String getMessage() {
            return message;
        }
    }
}
