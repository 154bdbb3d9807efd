package dev.dockyard.image.registry;

import static dev.dockyard.image.support.CoreException.mention;

import dev.dockyard.image.engine.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * How Dockyard reaches registries: TLS trusting the JVM's trust store and, when given, the certificates of
 * {@code image.registryCaFile}; plain HTTP only for {@code localhost}, {@code 127.0.0.1} and the registries of
 * {@code image.insecureRegistries}; {@code timeout} for connecting and for each request's answer.
 *
 * @param ssl      the TLS context
 * @param insecure hosts (with their port, when given so) that may be reached over plain HTTP
 * @param timeout  how long one request may wait for its answer
 * @param caFile   the extra CA file, or {@code null} (for messages)
 */
public record RegistryConnection(SSLContext ssl, Set<String> insecure, Duration timeout, Path caFile) {

    /** Hosts any registry on which may be reached over plain HTTP. */
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    public RegistryConnection {
        insecure = Set.copyOf(insecure);
    }

    /**
     * @param caFile   {@code image.registryCaFile}: PEM certificates trusted besides the JVM's, or {@code null}
     * @param insecure {@code image.insecureRegistries}: {@code host} or {@code host:port}
     * @param timeout  {@code image.registryTimeout}
     * @throws RegistryException when the CA file cannot be read or holds no certificate
     */
    public static RegistryConnection of(Path caFile, List<String> insecure, Duration timeout) throws RegistryException {
        Set<String> hosts = new java.util.TreeSet<>();
        for (String host : insecure) {
            if (host != null && !host.isBlank()) {
                hosts.add(host.strip().toLowerCase(Locale.ROOT));
            }
        }
        return new RegistryConnection(sslContext(caFile), hosts, timeout, caFile);
    }

    /** Whether {@code registry} ({@code host[:port]}) may be reached over plain HTTP. */
    public boolean mayUsePlainHttp(String registry) {
        String lower = registry.toLowerCase(Locale.ROOT);
        String host = lower.startsWith("[")
                ? lower.substring(0, lower.indexOf(']') + 1)
                : (lower.contains(":") ? lower.substring(0, lower.indexOf(':')) : lower);
        return LOOPBACK.contains(host) || insecure.contains(lower) || insecure.contains(host);
    }

    private static SSLContext sslContext(Path caFile) throws RegistryException {
        try {
            X509ExtendedTrustManager jvm = trustManager(null);
            SSLContext context = SSLContext.getInstance("TLS");
            if (caFile == null) {
                context.init(null, new TrustManager[] {jvm}, null);
                return context;
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int count = 0;
            try (InputStream in = Files.newInputStream(caFile)) {
                for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    store.setCertificateEntry("ca-" + count++, certificate);
                }
            } catch (IOException | CertificateException e) {
                throw new RegistryException("Could not read " + mention("registryCaFile") + " " + caFile + " ("
                        + e.getClass().getSimpleName() + "): give a readable file of PEM certificates.");
            }
            if (count == 0) {
                throw new RegistryException(mention("registryCaFile") + " " + caFile + " holds no certificate: give"
                        + " the PEM file of the CA that signed the registry's certificate.");
            }
            context.init(null, new TrustManager[] {new EitherTrustManager(jvm, trustManager(store))}, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new RegistryException("Could not set up TLS for the registry: " + e.getMessage());
        }
    }

    private static X509ExtendedTrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** Trusts a server that the JVM's trust store or the CA file trusts (host names checked by either). */
    private static final class EitherTrustManager extends X509ExtendedTrustManager {

        private final List<X509ExtendedTrustManager> managers;

        EitherTrustManager(X509ExtendedTrustManager... managers) {
            this.managers = List.of(managers);
        }

        private interface Check {
            void check(X509ExtendedTrustManager manager) throws CertificateException;
        }

        private void any(Check check) throws CertificateException {
            List<CertificateException> failures = new ArrayList<>();
            for (X509ExtendedTrustManager manager : managers) {
                try {
                    check.check(manager);
                    return;
                } catch (CertificateException e) {
                    failures.add(e);
                }
            }
            throw failures.get(failures.size() - 1);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            any(m -> m.checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            any(m -> m.checkServerTrusted(chain, authType, engine));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            any(m -> m.checkServerTrusted(chain, authType));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return managers.stream()
                    .flatMap(m -> java.util.Arrays.stream(m.getAcceptedIssuers()))
                    .toArray(X509Certificate[]::new);
        }
    }
}
