def log = new File(basedir, 'build.log').text
def feature = Runtime.version().feature()
assert log.contains("[ERROR] Failed to execute goal dev.dockyard:image-maven-plugin:${projectVersion}:build (image) on project docker-build-host-no-toolchain-fail: image.builder=host links with a JDK 25 (the builder image's Java release), and Maven runs on Java $feature with no toolchain of type jdk, version 25, that has jlink: add one to ~/.m2/toolchains.xml (as maven-toolchains-plugin reads it), run Maven on a JDK 25, or use image.builder=engine. -> [Help 1]")
assert !log.contains('Linking the runtime')
assert !log.contains('Pushed ')
assert !log.contains('\tat ') // no stack trace without -e
