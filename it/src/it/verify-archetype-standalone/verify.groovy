import groovy.xml.XmlSlurper

def service = new File(basedir, 'generated/orders-service')
def log = new File(basedir, 'build.log').text
// 1: generated standalone
assert log.contains('[INFO] Project created from Archetype in dir: ' + service.canonicalPath)
assert !log.contains('takes from the parent')
// 2: its own tests, then the image built and verified with no edits
assert log.contains('Tests run: 16, Failures: 0, Errors: 0, Skipped: 0')
// the stand-in bases of the docker-it profile win over the generated POM's <properties>
def dockerfile = new File(service, 'target/docker/Dockerfile').text
assert dockerfile.contains('FROM dockyard-test/jdk:17 AS rootfs\n')
assert dockerfile.contains('FROM dockyard-test/base:17\n')
// the service needs no JDK module beyond these two, so its jlinked runtime stays minimal
assert dockerfile.contains('    jlink --add-modules java.base,jdk.httpserver "$strip" ')
assert new XmlSlurper().parse(new File(service, 'pom.xml')).properties.'image.builderImage'.text() == 'eclipse-temurin:17-jdk'
assert log =~ /\[INFO\] Built image \w+ \([\d.]+ MB, \d+ steps\), tagged orders-service:1\.0-SNAPSHOT/
assert log =~ /\[INFO\] PASS size: image size [\d.]+ MB is within image\.maxImageSize 150\.0 MB/
assert log.contains('[INFO] PASS non-root-user: the image runs as user 65532:65532')
assert log.contains('[INFO] PASS exposed-ports: exposes 8080/tcp')
def healthy = log =~ /\[INFO\] PASS healthy: healthy after ([\d.]+)s( \(GET \/health answered 200; the image's HEALTHCHECK passed when run at once\))?\n/
assert healthy.find()
// the engine's first check comes one interval after start (the HEALTHCHECK's, 1s with the docker-it profile's
// settings): healthy sooner means the service was asked directly, and the line says so
def interval = (dockerfile =~ /HEALTHCHECK --interval=(\d+)s /)
assert interval.find() : 'no HEALTHCHECK interval'
assert Double.parseDouble(healthy.group(1)) >= (interval.group(1) as int) || healthy.group(2) != null
assert log.contains('[INFO] PASS process-user: the main process runs with effective UID 65532')
assert log =~ /\[INFO\] PASS http-probe: GET \/health answered 200 through host port \d+/
assert log =~ /\[INFO\] PASS sigterm-stop: stopped on SIGTERM in [\d.]+s with exit status 0/
assert log =~ /\[INFO\] image:verify: all \d+ checks passed for orders-service:1\.0-SNAPSHOT/
assert !log.contains('FAIL ')
// the verify container was removed
assert evaluate(new File(itSources, 'docker.groovy')).leftovers(log).isEmpty()
assert new File(service, 'target/image-reports/image.json').isFile()
return true
