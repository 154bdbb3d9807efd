package dev.dockyard.image.engine;

import static dev.dockyard.image.support.CoreException.mention;

/** No Docker engine answers at the resolved address. The message names the address and the ways out. */
public class EngineUnreachableException extends EngineException {

    private static final long serialVersionUID = 1L;

    public EngineUnreachableException(EngineAddress address, Throwable cause) {
        super(
                tls(cause)
                        ? tlsMessage(address, cause)
                        : "No Docker engine answers at " + address.describe() + ": "
                                + reason(cause) + ". Start Docker, point DOCKER_HOST at a running engine (e.g."
                                + " DOCKER_HOST=unix:///var/run/docker.sock or tcp://host:2376 with DOCKER_TLS_VERIFY=1 and"
                                + " DOCKER_CERT_PATH), or skip the image goals with -D" + mention("skip") + ".",
                cause,
                true);
    }

    /** The address itself is unusable (a scheme no engine speaks, TLS asked for without its files): {@code message}. */
    public EngineUnreachableException(String message) {
        super(message, null, true);
    }

    private static String tlsMessage(EngineAddress address, Throwable cause) {
        String certs = address.certPath() == null
                ? "DOCKER_CERT_PATH"
                : address.certPath().toString();
        return "The TLS handshake with the Docker engine at " + address.describe() + " failed: " + reason(cause)
                + ". Check that " + certs + "/ca.pem is the CA that signed the engine's certificate, and that"
                + " cert.pem and key.pem there are a client certificate the engine's --tlscacert trusts"
                + " (DOCKER_TLS_VERIFY=1, DOCKER_CERT_PATH).";
    }

    /** Whether the connection failed in the TLS handshake (untrusted certificate, rejected client). */
    static boolean tls(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException
                    || t instanceof java.security.cert.CertificateException
                    || t instanceof java.security.GeneralSecurityException) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message.strip();
    }
}
