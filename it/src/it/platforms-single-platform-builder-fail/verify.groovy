def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] Failed to execute goal dev.dockyard:image-maven-plugin:${projectVersion}:build (image) on project platforms-single-platform-builder-fail: The builder image $registry/dockyard-it/eclipse-temurin:17-jdk is for linux/amd64 only, and the image is built for linux/arm64 too (image.platforms): use a builder image whose registry serves an index with a linux/arm64 manifest (image.builderImage), or leave linux/arm64 out of image.platforms. -> [Help 1]".toString())
assert !log.contains('Linking the linux/arm64 runtime')
assert !log.contains('Pushed ')
assert !log.contains('\tat ') // no stack trace without -e
return true
