# syntax=docker/dockerfile:1
ARG JAVA_VERSION=21

FROM maven:3.9.9-eclipse-temurin-${JAVA_VERSION} AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:${JAVA_VERSION}-jre-jammy@sha256:4a1b4e3c8f0ac5e2b9d1f0c7a6e5d4c3b2a1908f7e6d5c4b3a29180706f5e4d3
WORKDIR /app
COPY --from=build --chown=65532:65532 /src/target/app.jar /app/app.jar
USER 65532:65532
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD ["java", "-cp", "/app/app.jar", "dev.example.Health"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
