def log = new File(basedir, 'build.log').text
def docker = evaluate(new File(itSources, 'docker.groovy'))

// the dynamic loader of a glibc java launcher on the engine's architecture
def arch = docker.run('version', '--format', '{{.Server.Arch}}')[0]
def loaders = [amd64: '/lib64/ld-linux-x86-64.so.2', arm64: '/lib/ld-linux-aarch64.so.1']
assert loaders[arch] : "no loader known for the engine's architecture $arch"
def reason = "the builder image has no ldd, so the image would lack the dynamic loader ${loaders[arch]} and" +
        ' libc.so.6: /opt/java/bin/java could not start; use a glibc builder image that has ldd' +
        ' (image.builderImage) or the template java-service-debian (image.template)'

def dockerfile = new File(basedir, 'target/docker/Dockerfile').readLines()
assert dockerfile.contains('FROM dockyard-test/jdk-no-ldd:17 AS rootfs')
def lines = log.readLines()
def templateLines = lines.findAll { it.startsWith('[INFO] [dockyard] ') }
assert templateLines == ["[INFO] [dockyard] $reason".toString()] : templateLines
def errors = lines.findAll { it.startsWith('[ERROR] Failed to execute goal ') }
assert errors == ["[ERROR] Failed to execute goal dev.dockyard:image-maven-plugin:$projectVersion:build (image) on project build-builder-no-ldd-fail: The image build failed: $reason -> [Help 1]".toString()] : errors
// the engine's message, with the whole script in it, is not the reason
assert !log.contains('returned a non-zero code')
assert !new File(basedir, 'target/docker/image-id').exists()
