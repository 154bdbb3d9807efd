def log = new File(basedir, 'build.log').text
def reason = "the builder image eclipse-temurin:17-jre has no jlink (a JRE, or no Java at all): use a JDK image as" +
        ' image.builderImage'

def dockerfile = new File(basedir, 'target/docker/Dockerfile').readLines()
assert dockerfile.contains('FROM eclipse-temurin:17-jre AS rootfs')
def lines = log.readLines()
def templateLines = lines.findAll { it.startsWith('[INFO] [dockyard] ') }
assert templateLines == ["[INFO] [dockyard] $reason".toString()] : templateLines
def errors = lines.findAll { it.startsWith('[ERROR] Failed to execute goal ') }
assert errors == ["[ERROR] Failed to execute goal dev.dockyard:image-maven-plugin:$projectVersion:build (image) on project build-builder-jre-fail: The image build failed: $reason -> [Help 1]".toString()] : errors
// neither the shell's words nor the engine's message with the whole script in it
assert !log.contains('jlink: not found')
assert !log.contains('returned a non-zero code')
assert !new File(basedir, 'target/docker/image-id').exists()
