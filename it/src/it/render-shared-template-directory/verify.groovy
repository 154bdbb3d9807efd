def a = new File(basedir, 'a-service/target/docker/Dockerfile').text
assert a == '''# shared template of the reactor
FROM scratch
COPY layers/application/ /app/app/
ENTRYPOINT ["java", "-cp", "/app/app/a-service-1.0.jar", "com.example.Main"]
'''
def b = new File(basedir, 'b-service/target/docker/Dockerfile').text
assert b == '''# b-service's own template
FROM scratch
USER 65532:65532
'''
def log = new File(basedir, 'build.log').text
assert log =~ /\[INFO\] Rendered target\/docker\/Dockerfile from \S+\/docker\/java-service.ftl \(runtime modules: java.base\)/
assert log.contains('[INFO] Rendered target/docker/Dockerfile from src/main/docker/java-service.ftl (runtime modules: java.base)')
return true
