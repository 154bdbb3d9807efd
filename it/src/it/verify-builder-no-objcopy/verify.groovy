def log = new File(basedir, 'build.log').text
def docker = evaluate(new File(itSources, 'docker.groovy'))
def name = 'dockyard-it/verify-builder-no-objcopy:1.0.0'

def dockerfile = new File(basedir, 'target/docker/Dockerfile').readLines()
assert dockerfile.contains('FROM dockyard-test/jdk-no-objcopy:17 AS rootfs')
assert dockerfile.contains('FROM scratch')
def fallback = log.readLines().findAll { it.startsWith('[INFO] [dockyard] ') }
assert fallback == ['[INFO] [dockyard] the builder image has no objcopy (binutils): jlink uses --strip-java-debug-attributes instead of --strip-debug, native debug symbols stay'] : fallback
assert !log.contains('Cannot run program "objcopy"')
assert log.contains("[INFO] image:verify: all 9 checks passed for $name (")
assert docker.leftovers(log).isEmpty()
