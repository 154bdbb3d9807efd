#!/usr/bin/env python3
"""Writes one workload for one tool into a directory of its own, for bench/peers/run.sh.

  workload.py TOOL WORKLOAD ROOT DEST [FABRIC8_VERSION]

TOOL: dockyard | dockyard-engine | jib | fabric8. WORKLOAD: orders (examples/shop, module orders-service) | boot (a Spring Boot 4
web + actuator + data-jpa service: the sources of it/src/it/spring-boot, the POM of it/src/it/verify-spring-boot-4).
Each tool gets its own copy, so builds of different tools never share a target/ directory. What the peers need in
the POM is written here, never in the example or the IT sources:

  dockyard  the plugin as the sources declare it (dockerfile + build + verify bound); image name, tag, no git tag,
            no pull, a bench label, set as properties / configuration of the service module
  dockyard-engine  the same with image.assembler=engine: the engine builds every stage, the final one too
  jib       jib-maven-plugin (not bound: `mvn package jib:dockerBuild`) on docker://eclipse-temurin:17-jre, the
            base read from the Docker daemon; Dockyard's plugin removed
  fabric8   docker-maven-plugin (not bound: `mvn package docker:build`) in Dockerfile mode, the context the module
            directory, with the Dockerfile a team typically writes; Dockyard's plugin removed. orders: the
            dependencies copied to target/lib and named in the jar's Class-Path (`java -jar` then runs it); boot:
            Spring Boot's documented layered Dockerfile (a builder stage extracts the jar with its jar-mode tools)
"""
import re
import shutil
import sys
from pathlib import Path

DOCKYARD_VERSION = "0.1.0-SNAPSHOT"
JIB_VERSION = "3.5.2"
LABEL = ("dev.dockyard.bench", "peers")
JRE = "eclipse-temurin:17-jre"


def image_name(tool, workload):
    return f"dockyard-bench/peers-{tool}-{workload}"


def remove_dockyard(pom):
    """The image-maven-plugin declaration (with the comment before it) out of a POM's <build><plugins>."""
    pattern = re.compile(r"(\s*<!--(?:(?!-->).)*-->)?\s*<plugin>\s*<groupId>dev\.dockyard</groupId>"
                         r"\s*<artifactId>image-maven-plugin</artifactId>.*?</plugin>", re.S)
    text, count = pattern.subn("", pom)
    assert count == 1, "no image-maven-plugin declaration found"
    return text


def add_plugin(pom, plugin):
    """A plugin into the POM's <build><plugins>; <build> and <plugins> are created if missing."""
    if "<build>" not in pom:
        return pom.replace("</project>", f"  <build>\n    <plugins>\n{plugin}    </plugins>\n  </build>\n</project>")
    build = pom.index("<build>")
    # the <plugins> of <build>, not of <pluginManagement>
    management = pom.find("</pluginManagement>", build)
    start = management if management >= 0 else build
    at = pom.find("<plugins>", start)
    if at < 0:
        return pom.replace("</build>", f"  <plugins>\n{plugin}    </plugins>\n  </build>", 1)
    at += len("<plugins>")
    return pom[:at] + "\n" + plugin + pom[at:]


def add_properties(pom, properties):
    lines = "".join(f"    <{k}>{v}</{k}>\n" for k, v in properties.items())
    if "<properties>" in pom:
        return pom.replace("<properties>\n", "<properties>\n" + lines, 1)
    return pom.replace("</description>", f"</description>\n  <properties>\n{lines}  </properties>", 1)


def assembler(tool):
    """The property that makes the engine build Dockyard's final stage too, for dockyard-engine."""
    return {"image.assembler": "engine"} if tool == "dockyard-engine" else {}


def dockyard_config(tool, workload):
    return f"""      <plugin>
        <groupId>dev.dockyard</groupId>
        <artifactId>image-maven-plugin</artifactId>
        <configuration>
          <labels><{LABEL[0]}>{LABEL[1]}</{LABEL[0]}></labels>
        </configuration>
      </plugin>
"""


def jib_plugin(tool, workload):
    return f"""      <plugin>
        <groupId>com.google.cloud.tools</groupId>
        <artifactId>jib-maven-plugin</artifactId>
        <version>{JIB_VERSION}</version>
        <configuration>
          <from><image>docker://{JRE}</image></from>
          <to><image>{image_name(tool, workload)}:bench</image></to>
          <container><labels><{LABEL[0]}>{LABEL[1]}</{LABEL[0]}></labels></container>
        </configuration>
      </plugin>
"""


def fabric8_plugin(tool, workload, version):
    return f"""      <plugin>
        <groupId>io.fabric8</groupId>
        <artifactId>docker-maven-plugin</artifactId>
        <version>{version}</version>
        <configuration>
          <images>
            <image>
              <name>{image_name(tool, workload)}:bench</name>
              <build>
                <contextDir>${{project.basedir}}</contextDir>
                <dockerFile>Dockerfile</dockerFile>
              </build>
            </image>
          </images>
        </configuration>
      </plugin>
"""


COPY_DEPENDENCIES = """      <plugin>
        <artifactId>maven-dependency-plugin</artifactId>
        <version>3.8.1</version>
        <executions>
          <execution>
            <id>lib</id>
            <phase>prepare-package</phase>
            <goals><goal>copy-dependencies</goal></goals>
            <configuration>
              <outputDirectory>${project.build.directory}/lib</outputDirectory>
              <includeScope>runtime</includeScope>
            </configuration>
          </execution>
        </executions>
      </plugin>
"""

ORDERS_DOCKERFILE = f"""FROM {JRE}
COPY target/lib/ /app/lib/
COPY target/orders-service-1.0.0-SNAPSHOT.jar /app/app.jar
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
"""

# Spring Boot's documented Dockerfile for a layered jar, on the same JRE image
BOOT_DOCKERFILE = f"""FROM {JRE} AS builder
WORKDIR /builder
COPY target/boot-service-1.0.0.jar application.jar
RUN java -Djarmode=tools -jar application.jar extract --layers --launcher --destination extracted

FROM {JRE}
WORKDIR /application
COPY --from=builder /builder/extracted/dependencies/ ./
COPY --from=builder /builder/extracted/spring-boot-loader/ ./
COPY --from=builder /builder/extracted/snapshot-dependencies/ ./
COPY --from=builder /builder/extracted/application/ ./
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
"""

# the fabric8 build writes its context tar under target/docker: keep it out of the context it is made from
MAVEN_DOCKERIGNORE = "target/docker/**\n"


def orders(tool, root, dest, fabric8_version):
    shop = dest / "shop"
    shutil.copytree(root / "examples/shop", shop, ignore=shutil.ignore_patterns("target"))
    module = shop / "orders-service"
    parent_pom = (shop / "pom.xml").read_text()
    pom = (module / "pom.xml").read_text()
    if tool.startswith("dockyard"):
        pom = add_properties(pom, {"image.name": image_name(tool, "orders"), "image.tags": "bench",
                                   "image.gitTag": "false", "image.pull": "never", **assembler(tool)})
        pom = add_plugin(pom, dockyard_config(tool, "orders"))
    else:
        parent_pom = re.sub(r"\s*<!-- Declared once here:.*?-->", "", remove_dockyard(parent_pom), flags=re.S)
        # the goal is named on the command line at the reactor's root: its prefix resolves from the root POM's
        # plugin management (version only; the configuration is the service module's), and the library skips it
        group, artifact, version, skip = (("com.google.cloud.tools", "jib-maven-plugin", JIB_VERSION, "jib.skip")
                                          if tool == "jib" else
                                          ("io.fabric8", "docker-maven-plugin", fabric8_version, "docker.skip"))
        parent_pom = parent_pom.replace("<pluginManagement>\n      <plugins>\n",
                                        "<pluginManagement>\n      <plugins>\n        <plugin>\n"
                                        f"          <groupId>{group}</groupId>\n"
                                        f"          <artifactId>{artifact}</artifactId>\n"
                                        f"          <version>{version}</version>\n        </plugin>\n", 1)
        assert artifact in parent_pom, "no <pluginManagement> in the shop's POM"
        common = shop / "shop-common/pom.xml"
        common_pom = common.read_text()
        common_pom = add_properties(common_pom, {skip: "true"})
        assert f"<{skip}>" in common_pom
        common.write_text(common_pom)
        if tool == "jib":
            pom = add_plugin(pom, jib_plugin(tool, "orders"))
        else:
            pom = pom.replace("<mainClass>dev.dockyard.example.orders.OrdersService</mainClass>",
                              "<mainClass>dev.dockyard.example.orders.OrdersService</mainClass>\n"
                              "              <addClasspath>true</addClasspath>\n"
                              "              <classpathPrefix>lib/</classpathPrefix>")
            pom = add_plugin(pom, COPY_DEPENDENCIES + fabric8_plugin(tool, "orders", fabric8_version))
            (module / "Dockerfile").write_text(ORDERS_DOCKERFILE)
            (module / ".maven-dockerignore").write_text(MAVEN_DOCKERIGNORE)
    (shop / "pom.xml").write_text(parent_pom)
    (module / "pom.xml").write_text(pom)


def boot(tool, root, dest, fabric8_version):
    module = dest / "boot"
    sources = root / "it/src/it/spring-boot"
    target = module / "src/main/java"
    shutil.copytree(sources, target)
    pom = (root / "it/src/it/verify-spring-boot-4/pom.xml").read_text()
    pom = pom.replace("@project.version@", DOCKYARD_VERSION)
    pom = pom.replace("<groupId>dev.dockyard.it</groupId>", "<groupId>dev.dockyard.bench</groupId>")
    pom = pom.replace("<artifactId>verify-spring-boot-4</artifactId>", "<artifactId>boot-service</artifactId>")
    pom = re.sub(r"<description>.*?</description>", "<description>bench/peers: the Spring Boot 4 service of the "
                 "verify-spring-boot-4 IT (web, actuator, JPA on H2), repackaged as usual.</description>", pom,
                 flags=re.S)
    pom = pom.replace("<image.name>dockyard-it/verify-spring-boot-4</image.name>",
                      f"<image.name>{image_name(tool, 'boot')}</image.name>\n    <image.tags>bench</image.tags>\n"
                      "    <image.gitTag>false</image.gitTag>\n    <image.pull>never</image.pull>"
                      + "".join(f"\n    <{k}>{v}</{k}>" for k, v in assembler(tool).items()))
    if tool.startswith("dockyard"):
        pom = pom.replace("<artifactId>image-maven-plugin</artifactId>\n",
                          "<artifactId>image-maven-plugin</artifactId>\n        <configuration>\n"
                          f"          <labels><{LABEL[0]}>{LABEL[1]}</{LABEL[0]}></labels>\n"
                          "        </configuration>\n", 1)
    else:
        pom = remove_dockyard(pom)
        if tool == "jib":
            pom = add_plugin(pom, jib_plugin(tool, "boot"))
        else:
            pom = add_plugin(pom, fabric8_plugin(tool, "boot", fabric8_version))
            (module / "Dockerfile").write_text(BOOT_DOCKERFILE)
            (module / ".maven-dockerignore").write_text(MAVEN_DOCKERIGNORE)
    (module / "pom.xml").write_text(pom)


def main():
    tool, workload, root, dest = sys.argv[1], sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4])
    fabric8_version = sys.argv[5] if len(sys.argv) > 5 else "0.48.0"
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    {"orders": orders, "boot": boot}[workload](tool, root, dest, fabric8_version)


if __name__ == "__main__":
    main()
