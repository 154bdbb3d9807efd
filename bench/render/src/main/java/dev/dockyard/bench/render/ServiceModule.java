package dev.dockyard.bench.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import dev.dockyard.image.render.ArtifactInput;
import dev.dockyard.image.render.HealthSettings;
import dev.dockyard.image.render.ImageSettings;
import dev.dockyard.image.render.JvmSettings;
import dev.dockyard.image.render.Layer;
import dev.dockyard.image.render.ProjectInfo;
import dev.dockyard.image.render.RenderRequest;
import dev.dockyard.image.render.TemplateSource;

/**
 * A realistic service module on disk: a compiled application jar (a main class and 30 service classes using
 * {@code java.logging}, {@code java.net.http} and {@code java.sql}), two jars of other reactor modules, and the
 * third-party jars of the fixture (a Spring Boot web + actuator classpath, 41 jars, 22 MB).
 */
final class ServiceModule {

    static final String MAIN = "com.acme.orders.OrdersApplication";
    private static final int SERVICE_CLASSES = 30;

    final Path root;
    final Path applicationJar;
    final List<ArtifactInput> artifacts;
    private final byte[][] applicationVariants;
    private int variant;
    private long mtime = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    private ServiceModule(Path root, Path applicationJar, List<ArtifactInput> artifacts, byte[][] applicationVariants) {
        this.root = root;
        this.applicationJar = applicationJar;
        this.artifacts = artifacts;
        this.applicationVariants = applicationVariants;
    }

    /**
     * Creates the module under a fresh directory of {@code workRoot}.
     *
     * @param fixtureLib directory of the third-party jars
     */
    static ServiceModule create(Path workRoot, Path fixtureLib) throws IOException {
        List<Path> thirdParty;
        try (Stream<Path> files = Files.list(fixtureLib)) {
            thirdParty = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
        if (thirdParty.size() < 30) {
            throw new IllegalStateException("Expected the fixture's third-party jars in " + fixtureLib.toAbsolutePath()
                    + " (found " + thirdParty.size() + "); run bench/render/run.sh, which copies them first.");
        }
        Files.createDirectories(workRoot);
        Path root = Files.createTempDirectory(workRoot.toAbsolutePath(), "module");
        Path module = root.resolve("orders-service");
        Path applicationJar = module.resolve("target/orders-service-1.0.0.jar");

        byte[][] variants = {applicationJar(root.resolve("build-a"), "a"), applicationJar(root.resolve("build-b"), "b")};
        Files.createDirectories(applicationJar.getParent());
        Files.write(applicationJar, variants[0]);

        List<ArtifactInput> artifacts = new ArrayList<>();
        artifacts.add(new ArtifactInput(moduleJar(root, "orders-api", "com.acme.orders.api"), Layer.MODULES, "com.acme"));
        artifacts.add(new ArtifactInput(moduleJar(root, "shop-common", "com.acme.common"), Layer.MODULES, "com.acme"));
        for (Path jar : thirdParty) {
            artifacts.add(new ArtifactInput(jar.toAbsolutePath(), Layer.DEPENDENCIES, "third.party"));
        }
        return new ServiceModule(root, applicationJar, List.copyOf(artifacts), variants);
    }

    /** What the mojo would pass for this module; {@code jlinkModules} empty means "compute with the module scan". */
    RenderRequest request(List<String> jlinkModules) {
        Path module = applicationJar.getParent().getParent();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("project.build.sourceEncoding", "UTF-8");
        properties.put("maven.compiler.release", "17");
        properties.put("project.build.outputTimestamp", "2026-01-01T00:00:00Z");
        for (int i = 0; i < 20; i++) {
            properties.put("dependency" + i + ".version", "1." + i + ".0");
        }
        return new RenderRequest(
                new ProjectInfo("com.acme.shop", "orders-service", "1.0.0", "Orders service",
                        "Takes orders and hands them to billing", "https://shop.acme.example/orders",
                        "https://git.acme.example/shop", List.of("Apache-2.0"), "ACME", properties),
                new ImageSettings("registry.acme.example/shop/orders-service", List.of("1.0.0"), "65532:65532", "/app",
                        List.of(8080), List.of(), Map.of(), Map.of()),
                new HealthSettings("/health", 8080, "10s", "3s", 3, "20s"),
                new JvmSettings(MAIN, List.of(), jlinkModules, List.of()),
                "eclipse-temurin:17-jdk",
                "debian:bookworm-slim",
                new TemplateSource("java-service", module, module.resolve("src/main/docker"), null),
                applicationJar,
                artifacts,
                module.resolve("target/docker"),
                module.resolve("target/image-work"),
                Instant.parse("2026-01-01T00:00:00Z"),
                "0123456789abcdef0123456789abcdef01234567",
                "0.1.0-SNAPSHOT");
    }

    /** Rebuilds the application jar as {@code mvn package} after a code change would: new content, new time. */
    void changeApplicationJar() throws IOException {
        variant = 1 - variant;
        Files.write(applicationJar, applicationVariants[variant]);
        mtime += 1000;
        Files.setLastModifiedTime(applicationJar, FileTime.fromMillis(mtime));
    }

    /** Deletes {@code target/docker} and {@code target/image-work}, as {@code mvn clean} would. */
    void clean() throws IOException {
        Path target = applicationJar.getParent();
        delete(target.resolve("docker"));
        delete(target.resolve("image-work"));
    }

    void deleteAll() throws IOException {
        delete(root);
    }

    private static byte[] applicationJar(Path build, String variant) throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put(MAIN, """
                package com.acme.orders;
                public final class OrdersApplication {
                    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger("orders");
                    public static void main(String[] args) throws Exception {
                        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
                        LOG.info("started %s " + client.version());
                        java.sql.DriverManager.getDrivers();
                        new Service0().handle("x");
                    }
                }
                """.formatted(variant));
        for (int i = 0; i < SERVICE_CLASSES; i++) {
            String next = i + 1 < SERVICE_CLASSES ? "new Service" + (i + 1) + "().handle(in)" : "in.length()";
            sources.put("com.acme.orders.Service" + i, """
                    package com.acme.orders;
                    public final class Service%d {
                        private final java.util.Map<String, Integer> counts = new java.util.HashMap<>();
                        public int handle(String in) {
                            counts.merge(in, 1, Integer::sum);
                            return counts.size() + %s;
                        }
                    }
                    """.formatted(i, next));
        }
        return jar(build, sources, MAIN);
    }

    private static Path moduleJar(Path root, String name, String pkg) throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            sources.put(pkg + ".Type" + i, "package " + pkg + "; public record Type" + i
                    + "(String id, java.time.Instant at, java.math.BigDecimal amount) { }");
        }
        Path jar = root.resolve(name + "/target/" + name + "-1.0.0.jar");
        Files.createDirectories(jar.getParent());
        Files.write(jar, jar(root.resolve(name + "-build"), sources, null));
        return jar;
    }

    /** Compiles {@code sources} (class name → source) and returns the bytes of a jar of the classes. */
    private static byte[] jar(Path build, Map<String, String> sources, String mainClass) throws IOException {
        Path src = build.resolve("src");
        Path classes = build.resolve("classes");
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17", "-proc:none"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null || javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("could not compile the benchmark's module sources (run on a JDK)");
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream zip = new JarOutputStream(bytes, manifest); Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        delete(build);
        return bytes.toByteArray();
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw new UncheckedIOException(exc);
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
