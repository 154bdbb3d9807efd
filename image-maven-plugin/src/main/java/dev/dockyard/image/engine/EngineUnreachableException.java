package dev.dockyard.image.engine;

/** No Docker engine answers at the resolved address. The message names the address and the ways out. */
public class EngineUnreachableException extends EngineException {

    private static final long serialVersionUID = 1L;

    public EngineUnreachableException(EngineAddress address, Throwable cause) {
        super("No Docker engine answers at " + address.describe() + ": " + reason(cause) + ". Start Docker, point"
                + " DOCKER_HOST at a running engine (e.g. DOCKER_HOST=unix:///var/run/docker.sock or"
                + " tcp://host:2376 with DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH), or skip the image goals with"
                + " -Dimage.skip.", cause);
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
