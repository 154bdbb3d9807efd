#!/usr/bin/env bash
# Generates a reactor of N service modules (default 200) into bench/reactor/target/reactor:
#   - a parent POM that binds image:dockerfile for every module; -Ddockyard.phase=none unbinds it,
#     -Dimage.skip skips it (the plugin still loads and configures, the goal returns at once);
#   - one library module `common` (no main class; the goal is skipped there with <skip>);
#   - N services svc001..svcN: a main class, depending on `common`, slf4j-api and jackson-databind.
# With JIB=1 the parent also binds jib-maven-plugin's dockerBuild at package (base docker://eclipse-temurin:17-jre,
# read from the Docker daemon; image dockyard-bench/reactor-<module>:bench): -Djib.phase=none unbinds it, -Djib.skip
# skips it. Without JIB, the reactor is as before.
# Usage: [JIB=1] generate.sh [N]
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/../lib.sh"
N="${1:-200}"
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/target/reactor"
rm -rf "$out"
mkdir -p "$out"

# the Jib binding (JIB=1): its switch property, its plugin declaration, its skip in the library module
jib_property="" jib_plugin="" jib_use="" jib_skip=""
if [ -n "${JIB:-}" ]; then
  jib_property='
    <!-- the switch: -Djib.phase=none unbinds jib:dockerBuild, -Djib.skip skips it -->
    <jib.phase>package</jib.phase>'
  # shellcheck disable=SC2016  # Maven expressions, for the POM
  jib_plugin='
        <plugin>
          <groupId>com.google.cloud.tools</groupId>
          <artifactId>jib-maven-plugin</artifactId>
          <version>3.5.2</version>
          <executions>
            <execution>
              <id>jib</id>
              <phase>${jib.phase}</phase>
              <goals>
                <goal>dockerBuild</goal>
              </goals>
            </execution>
          </executions>
          <configuration>
            <from><image>docker://eclipse-temurin:17-jre</image></from>
            <to><image>dockyard-bench/reactor-${project.artifactId}:bench</image></to>
            <container><labels><dev.dockyard.bench>reactor</dev.dockyard.bench></labels></container>
          </configuration>
        </plugin>'
  jib_use='
      <plugin>
        <groupId>com.google.cloud.tools</groupId>
        <artifactId>jib-maven-plugin</artifactId>
      </plugin>'
  jib_skip='
      <plugin>
        <groupId>com.google.cloud.tools</groupId>
        <artifactId>jib-maven-plugin</artifactId>
        <configuration>
          <skip>true</skip>
        </configuration>
      </plugin>'
fi

modules=""
for i in $(seq -f '%03g' 1 "$N"); do
  modules="$modules    <module>svc$i</module>"$'\n'
done

cat > "$out/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.acme.bench</groupId>
  <artifactId>bench-reactor</artifactId>
  <version>1.0.0</version>
  <packaging>pom</packaging>
  <description>Generated: $N services for the image:dockerfile reactor benchmark.</description>

  <modules>
    <module>common</module>
$modules  </modules>

  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp>
    <dockyardVersion>0.1.0-SNAPSHOT</dockyardVersion>
    <!-- the switch: -Ddockyard.phase=none unbinds image:dockerfile -->
    <dockyard.phase>package</dockyard.phase>$jib_property
  </properties>

  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>com.acme.bench</groupId>
        <artifactId>common</artifactId>
        <version>\${project.version}</version>
      </dependency>
      <dependency>
        <groupId>org.slf4j</groupId>
        <artifactId>slf4j-api</artifactId>
        <version>2.0.16</version>
      </dependency>
      <dependency>
        <groupId>com.fasterxml.jackson.core</groupId>
        <artifactId>jackson-databind</artifactId>
        <version>2.17.2</version>
      </dependency>
    </dependencies>
  </dependencyManagement>

  <build>
    <pluginManagement>
      <plugins>
        <plugin><artifactId>maven-clean-plugin</artifactId><version>3.4.0</version></plugin>
        <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
        <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
        <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.2</version></plugin>
        <plugin>
          <artifactId>maven-jar-plugin</artifactId>
          <version>3.4.2</version>
          <configuration>
            <archive>
              <manifest>
                <mainClass>\${service.main}</mainClass>
              </manifest>
            </archive>
          </configuration>
        </plugin>
        <plugin>
          <groupId>dev.dockyard</groupId>
          <artifactId>image-maven-plugin</artifactId>
          <version>\${dockyardVersion}</version>
          <executions>
            <execution>
              <id>dockerfile</id>
              <phase>\${dockyard.phase}</phase>
              <goals>
                <goal>dockerfile</goal>
              </goals>
            </execution>
          </executions>
        </plugin>$jib_plugin
      </plugins>
    </pluginManagement>
    <plugins>
      <plugin>
        <groupId>dev.dockyard</groupId>
        <artifactId>image-maven-plugin</artifactId>
      </plugin>$jib_use
    </plugins>
  </build>
</project>
POM

# The start of a module POM: header, parent, artifactId $1.
child_head() {
  cat <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>com.acme.bench</groupId>
    <artifactId>bench-reactor</artifactId>
    <version>1.0.0</version>
  </parent>
  <artifactId>$1</artifactId>
POM
}

mkdir -p "$out/common/src/main/java/com/acme/common"
{ child_head common; cat <<POM
  <properties>
    <service.main/>
  </properties>
  <build>
    <plugins>
      <plugin>
        <groupId>dev.dockyard</groupId>
        <artifactId>image-maven-plugin</artifactId>
        <configuration>
          <skip>true</skip>
        </configuration>
      </plugin>$jib_skip
    </plugins>
  </build>
</project>
POM
} > "$out/common/pom.xml"
cat > "$out/common/src/main/java/com/acme/common/Greeting.java" <<'JAVA'
package com.acme.common;

public record Greeting(String service, String text) {
    public static Greeting of(String service) {
        return new Greeting(service, "hello from " + service);
    }
}
JAVA

for i in $(seq -f '%03g' 1 "$N"); do
  dir="$out/svc$i"
  mkdir -p "$dir/src/main/java/com/acme/svc$i"
  { child_head "svc$i"; cat <<POM
  <properties>
    <service.main>com.acme.svc$i.Main</service.main>
  </properties>
  <dependencies>
    <dependency>
      <groupId>com.acme.bench</groupId>
      <artifactId>common</artifactId>
    </dependency>
    <dependency>
      <groupId>org.slf4j</groupId>
      <artifactId>slf4j-api</artifactId>
    </dependency>
    <dependency>
      <groupId>com.fasterxml.jackson.core</groupId>
      <artifactId>jackson-databind</artifactId>
    </dependency>
  </dependencies>
</project>
POM
  } > "$dir/pom.xml"
  cat > "$dir/src/main/java/com/acme/svc$i/Main.java" <<JAVA
package com.acme.svc$i;

import com.acme.common.Greeting;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.LoggerFactory;

public final class Main {
    public static void main(String[] args) throws Exception {
        String json = new ObjectMapper().writeValueAsString(Greeting.of("svc$i"));
        LoggerFactory.getLogger(Main.class).info(json);
    }
}
JAVA
done
echo "Generated $N services in $out"
