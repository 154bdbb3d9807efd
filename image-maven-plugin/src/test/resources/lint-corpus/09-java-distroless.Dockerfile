FROM eclipse-temurin:21.0.5_11-jdk AS jre
RUN jlink --add-modules java.base,java.logging,java.net.http,jdk.crypto.ec \
      --strip-debug --no-man-pages --no-header-files --compress=zip-6 \
      --output /opt/jre

FROM eclipse-temurin:21.0.5_11-jdk AS build
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -DskipTests package && cp target/*.jar /build/app.jar

FROM gcr.io/distroless/base-debian12:nonroot
COPY --from=jre /opt/jre /opt/jre
COPY --from=build /build/app.jar /app/app.jar
USER 65532
EXPOSE 8080
HEALTHCHECK CMD ["/opt/jre/bin/java", "-cp", "/app/app.jar", "com.example.HealthProbe"]
ENTRYPOINT ["/opt/jre/bin/java", "-jar", "/app/app.jar"]
