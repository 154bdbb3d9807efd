FROM openjdk:17
MAINTAINER ops@example.com
ADD target/app.jar /app.jar
EXPOSE 8080
CMD java -jar /app.jar
