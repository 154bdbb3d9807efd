# syntax=docker/dockerfile:1
# Reference layout for a Spring Boot service: layered jar, jlinked runtime, non-root.
ARG BUILDER_IMAGE=eclipse-temurin:21.0.5_11-jdk-jammy@sha256:0b2a4e6c8d0f1e3a5c7b9d1f3e5a7c9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c
ARG RUNTIME_IMAGE=debian:bookworm-20241223-slim@sha256:1c3e5a7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c

FROM ${BUILDER_IMAGE} AS builder
WORKDIR /build
COPY target/app.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted \
 && jlink --add-modules java.base,java.logging,java.naming,java.management,jdk.unsupported \
        --strip-debug --no-man-pages --no-header-files --output /opt/jre

FROM ${RUNTIME_IMAGE}
ENV JAVA_HOME=/opt/jre PATH=/opt/jre/bin:$PATH
COPY --from=builder /opt/jre /opt/jre
WORKDIR /app
COPY --from=builder /build/extracted/dependencies/ ./
COPY --from=builder /build/extracted/spring-boot-loader/ ./
COPY --from=builder /build/extracted/snapshot-dependencies/ ./
COPY --from=builder /build/extracted/application/ ./
USER 65532:65532
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["java", "-cp", "/app", "org.springframework.boot.loader.launch.JarLauncher", "--health"]
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
