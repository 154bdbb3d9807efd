def log = new File(basedir, 'build.log').text
def docker = evaluate(new File(itSources, 'docker.groovy'))

assert log.contains('[INFO] Rendered target/docker/Dockerfile from src/main/docker/root-service.ftl (runtime modules: java.base,jdk.httpserver)')
def dockerfile = new File(basedir, 'target/docker/Dockerfile').readLines()
assert dockerfile.last() == 'USER root'
assert log.contains("target/docker/Dockerfile:${dockerfile.size()}:1 error user-root final stage runs as root (USER root): switch to a non-root user, e.g. USER 65532:65532")
assert log.contains("[ERROR] FAIL non-root-user: the image runs as root (USER 'root'): end the Dockerfile with a numeric non-root USER, e.g. USER 65532:65532 (image.user)")
assert log.contains('[ERROR] FAIL process-user: the container\'s main process runs as root (effective UID 0): set a numeric non-root USER in the Dockerfile (image.user)')
assert log.contains('image:verify: 2 of 9 checks failed for dockyard-it/verify-root-user-fail:1.0.0: non-root-user, process-user')
assert docker.leftovers(log).isEmpty()
