package dev.dockyard.image.render;

import dev.dockyard.image.stage.ArtifactInput;
import dev.dockyard.image.stage.JarLayouts;
import dev.dockyard.image.stage.Layer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A realistic render request over real jars, for tests to vary. */
final class Requests {

    static final String MAIN = "com.acme.orders.Main";

    private Requests() {}

    /** A module directory with an application jar (uses java.logging, loads the library's class) and two dependency jars. */
    static Fixture fixture(Path root) throws IOException {
        Path module = root.resolve("orders");
        Path app = TestJars.jar(
                module.resolve("target/orders-1.0.jar"),
                MAIN,
                MAIN,
                "package com.acme.orders; public class Main { public static void main(String[] a) throws Exception {"
                        + " java.util.logging.Logger.getLogger(\"x\").info(\"up\"); Class.forName(\"org.lib.Lib\"); } }");
        Path lib = TestJars.jar(
                root.resolve("repo/lib-2.1.jar"),
                null,
                "org.lib.Lib",
                "package org.lib; public class Lib { public java.sql.Connection c; }");
        Path snapshot = TestJars.jar(root.resolve("repo/snap-0.1-SNAPSHOT.jar"), null);
        Path common = TestJars.jar(root.resolve("common/target/common-1.0.jar"), null);
        return new Fixture(
                module,
                app,
                List.of(
                        new ArtifactInput(lib, Layer.DEPENDENCIES, "org.lib"),
                        new ArtifactInput(snapshot, Layer.SNAPSHOT_DEPENDENCIES, "org.snap"),
                        new ArtifactInput(common, Layer.MODULES, "com.acme")));
    }

    record Fixture(Path module, Path applicationJar, List<ArtifactInput> artifacts) {

        RenderRequest request(String template, Path sharedDirectory) {
            return request(template, sharedDirectory, module.resolve("target/docker"));
        }

        RenderRequest request(String template, Path sharedDirectory, Path output) {
            return new RenderRequest(
                    new ProjectInfo(
                            "com.acme",
                            "orders",
                            "1.0",
                            "Orders",
                            "Takes \"orders\" for $5",
                            "https://acme.example/orders",
                            "https://git.acme.example/orders",
                            List.of("Apache-2.0"),
                            "ACME",
                            Map.of("team", "shop")),
                    new ImageSettings(
                            "registry.acme.example/shop/orders",
                            List.of("1.0", "latest"),
                            "65532:65532",
                            "/app",
                            List.of(8080, 9000),
                            List.of("/data"),
                            Map.of("TZ", "UTC"),
                            Map.of("com.acme.team", "shop")),
                    new HealthSettings("/health", 8080, "10s", "3s", 3, "20s"),
                    new JvmSettings(MAIN, List.of("-Xss512k"), List.of(), List.of()),
                    DefaultImages.builder(17),
                    DefaultImages.runtime(template, 17),
                    new TemplateSource(template, module, module.resolve("src/main/docker"), sharedDirectory),
                    applicationJar,
                    artifacts,
                    output,
                    output.resolveSibling("image-work"),
                    Instant.parse("2026-01-01T00:00:00Z"),
                    "0123456789abcdef0123456789abcdef01234567",
                    "0.1.0-TEST",
                    JarLayouts.AUTO);
        }
    }
}
