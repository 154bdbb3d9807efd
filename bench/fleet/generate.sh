#!/usr/bin/env bash
# Generates a fleet reactor of N services (default 10) into bench/fleet/target/fleet-N, for the fleet footprint
# benchmark (bench/fleet/run.sh). The services differ as a real fleet's do: each starts an HTTP server
# (jdk.httpserver), uses two more JDK modules from its own code (picked by its number from eleven: java.sql,
# java.net.http, java.xml, java.logging, java.management, java.naming, java.prefs, java.scripting, jdk.jfr,
# java.compiler, java.desktop) and has one third-party library or none (jackson-databind, slf4j-api, h2, guava,
# commons-lang3). The parent binds image:dockerfile and image:build (switch: -Ddockyard.phase=none) and
# jib:dockerBuild on docker://eclipse-temurin:17-jre (switch: -Djib.phase=package; unbound by default). Images:
# dockyard-bench/fleet-h20r-<service>:<fleet.tag>.
# Usage: generate.sh [N]
set -euo pipefail
N="${1:-10}"
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/target/fleet-$N"
rm -rf "$out"
mkdir -p "$out"

uses=(
  "java.sql.Connection connection;"
  "java.net.http.HttpClient client;"
  "javax.xml.parsers.DocumentBuilderFactory documents;"
  "java.util.logging.Logger logger;"
  "java.lang.management.MemoryMXBean memory;"
  "javax.naming.Context naming;"
  "java.util.prefs.Preferences preferences;"
  "javax.script.ScriptEngine scripts;"
  "jdk.jfr.Recording recording;"
  "javax.tools.JavaCompiler compiler;"
  "java.awt.image.BufferedImage image;"
)
libraries=(
  ""
  "com.fasterxml.jackson.core:jackson-databind:2.18.2"
  "org.slf4j:slf4j-api:2.0.16"
  "com.h2database:h2:2.3.232"
  "com.google.guava:guava:19.0"
  "org.apache.commons:commons-lang3:3.10"
)

modules=""
for i in $(seq 1 "$N"); do
  name="$(printf 'svc%03d' "$i")"
  modules="$modules    <module>$name</module>"$'\n'
  dir="$out/$name"
  mkdir -p "$dir/src/main/java/bench/$name"
  library="${libraries[$(( i % ${#libraries[@]} ))]}"
  dependency=""
  if [ -n "$library" ]; then
    IFS=: read -r g a v <<< "$library"
    dependency="
  <dependencies>
    <dependency>
      <groupId>$g</groupId>
      <artifactId>$a</artifactId>
      <version>$v</version>
    </dependency>
  </dependencies>"
  fi
  cat > "$dir/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>com.acme.fleet</groupId>
    <artifactId>fleet</artifactId>
    <version>1.0.0</version>
  </parent>
  <artifactId>$name</artifactId>
  <properties>
    <image.mainClass>bench.$name.Main</image.mainClass>
  </properties>$dependency
</project>
POM
  cat > "$dir/src/main/java/bench/$name/Main.java" <<JAVA
package bench.$name;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;

public final class Main {
    ${uses[$(( i % ${#uses[@]} ))]}
    ${uses[$(( (i + 1 + i * 7 % 10) % ${#uses[@]} ))]}

    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }
}
JAVA
done

# shellcheck disable=SC2016  # Maven expressions, for the POM
cat > "$out/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.acme.fleet</groupId>
  <artifactId>fleet</artifactId>
  <version>1.0.0</version>
  <packaging>pom</packaging>
  <description>Generated: $N services for the fleet footprint benchmark.</description>
  <modules>
$modules  </modules>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp>
    <dockyard.phase>package</dockyard.phase>
    <jib.phase>none</jib.phase>
    <fleet.tag>module</fleet.tag>
    <image.pull>never</image.pull>
  </properties>
  <build>
    <pluginManagement>
      <plugins>
        <plugin>
          <artifactId>maven-compiler-plugin</artifactId>
          <version>3.13.0</version>
        </plugin>
        <plugin>
          <artifactId>maven-jar-plugin</artifactId>
          <version>3.4.2</version>
        </plugin>
        <plugin>
          <artifactId>maven-resources-plugin</artifactId>
          <version>3.3.1</version>
        </plugin>
        <plugin>
          <artifactId>maven-surefire-plugin</artifactId>
          <version>3.5.2</version>
          <configuration>
            <skip>true</skip>
          </configuration>
        </plugin>
      </plugins>
    </pluginManagement>
    <plugins>
      <plugin>
        <groupId>dev.dockyard</groupId>
        <artifactId>image-maven-plugin</artifactId>
        <version>\${dockyard.version}</version>
        <configuration>
          <imageName>dockyard-bench/fleet-h20r-\${project.artifactId}</imageName>
          <tags>
            <tag>\${fleet.tag}</tag>
          </tags>
        </configuration>
        <executions>
          <execution>
            <id>image</id>
            <phase>\${dockyard.phase}</phase>
            <goals>
              <goal>dockerfile</goal>
              <goal>build</goal>
            </goals>
          </execution>
        </executions>
      </plugin>
      <plugin>
        <groupId>com.google.cloud.tools</groupId>
        <artifactId>jib-maven-plugin</artifactId>
        <version>\${jib.version}</version>
        <executions>
          <execution>
            <id>jib</id>
            <phase>\${jib.phase}</phase>
            <goals>
              <goal>dockerBuild</goal>
            </goals>
          </execution>
        </executions>
        <configuration>
          <from><image>docker://eclipse-temurin:17-jre</image></from>
          <to><image>dockyard-bench/fleet-h20r-\${project.artifactId}:jib</image></to>
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>
POM
echo "$out"
