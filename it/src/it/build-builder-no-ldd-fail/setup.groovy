// The builder under test: the JDK stand-in eclipse-temurin:17-jdk (it/upstream-bases.sh; binutils and dpkg
// included) without ldd, as a minimal builder image may be. Built anew from that image on every run; the engine's
// build cache keeps it.
evaluate(new File(itSources, 'service.groovy'))
def process = new ProcessBuilder('docker', 'build', '--quiet', '--tag', 'dockyard-test/jdk-no-ldd:17', '-')
process.environment().put('DOCKER_HOST', dockerHost)
process.environment().put('DOCKER_BUILDKIT', '0')
def started = process.redirectErrorStream(true).start()
started.outputStream.withWriter('UTF-8') { it << 'FROM eclipse-temurin:17-jdk\nRUN rm /usr/bin/ldd\n' }
def out = started.inputStream.text
assert started.waitFor() == 0 : "docker build of the builder without ldd failed: $out"
return true
