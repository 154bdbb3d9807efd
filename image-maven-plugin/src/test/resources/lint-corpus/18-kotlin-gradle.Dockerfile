FROM gradle:8.11.1-jdk21 AS build
WORKDIR /home/gradle/project
COPY --chown=gradle:gradle build.gradle.kts settings.gradle.kts ./
RUN gradle dependencies --no-daemon
COPY --chown=gradle:gradle src ./src
RUN gradle bootJar --no-daemon

FROM eclipse-temurin:21-jdk
RUN apt-get update && apt-get install -y maven
COPY --from=build /home/gradle/project/build/libs/app.jar /app.jar
USER 1001
ENTRYPOINT ["java", "-jar", "/app.jar"]
