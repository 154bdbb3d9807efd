/**
 * A client of the OCI Distribution Specification on the JDK's {@link java.net.http.HttpClient}:
 * {@link dev.dockyard.image.registry.RegistryClient} pings a registry, authenticates (anonymous, Basic, or a Bearer
 * token from the {@code WWW-Authenticate} challenge with the repository's scopes), checks, mounts and uploads blobs
 * (monolithic or chunked, the digest checked), and reads and writes manifests. {@link
 * dev.dockyard.image.registry.RegistryConnection} holds what every request needs: TLS (the JVM's trust store plus a
 * CA file), which registries may be reached over plain HTTP, and the timeout. No credential is ever put into a log
 * line or a message.
 */
package dev.dockyard.image.registry;
