def log = new File(basedir, 'build.log').text
def docker = evaluate(new File(itSources, 'docker.groovy'))
def name = 'dockyard-it/verify-builder-25:1.0.0'

def dockerfile = new File(basedir, 'target/docker/Dockerfile').readLines()
assert dockerfile.contains('FROM eclipse-temurin:25-jdk AS rootfs')
assert dockerfile.contains('FROM scratch')
// jlink 25 gets --compress=zip-6: no deprecation warning, no fallback line
assert !log.contains('--compress=2 is deprecated') && !log.toLowerCase().contains('warning: the --compress')
assert log.readLines().findAll { it.startsWith('[INFO] [dockyard] ') }.isEmpty()
assert log.contains("[INFO] image:verify: all 9 checks passed for $name (")
def version = docker.run('run', '--rm', '--label', 'dev.dockyard.test=verify-builder-25', '--entrypoint',
        '/opt/java/bin/java', name, '-version')
assert version.any { it.startsWith('openjdk version "25') } : version
assert docker.leftovers(log).isEmpty()
