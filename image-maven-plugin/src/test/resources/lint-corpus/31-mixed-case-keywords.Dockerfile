from eclipse-temurin:21.0.5_11-jre-alpine
Label org.opencontainers.image.source="https://example.com/repo" \
      org.opencontainers.image.licenses="Apache-2.0"
Copy target/app.jar /app/app.jar
rUn addgroup -S app && adduser -S -G app app
User app
Expose 8080/tcp
HealthCheck --start-period=20s cmd ["wget", "-q", "-O", "-", "http://127.0.0.1:8080/health"]
Entrypoint ["java", "-jar", "/app/app.jar"]
