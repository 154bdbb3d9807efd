import java.util.regex.Pattern

def reg = evaluate(new File(itSources, 'pushes.groovy'))
def mvn = evaluate(new File(itSources, 'mvn.groovy'))
def log = new File(basedir, 'build.log').text
def name = "$registry/dockyard-it/docker-build-host-no-engine"
def builder = "$registry/dockyard-it/eclipse-temurin:17-jdk"
def lines = log.readLines()

// no engine anywhere: the stages made here, the image pushed by the registry client, verify and push with nothing to do
assert lines.contains("[INFO] Building image $name:1.0.0 with the earlier stages made on this machine, loaded into no engine".toString())
assert lines.contains("[INFO] Reading $builder for linux/amd64 from its registry $registry".toString())
assert lines.any { it.startsWith('[INFO] Linking the runtime on this machine: --add-modules java.base,jdk.httpserver') }
assert lines.any { it ==~ /\[INFO\] Made stage rootfs on this machine: the runtime of .* and \d+ files of / + Pattern.quote(builder) }
assert lines.any { it ==~ /\[INFO\] Assembled image [0-9a-f]{12} \([0-9.]+ MB, 5 layers written, 0 unchanged\), tagged / + Pattern.quote("$name:1.0.0") + /(, .*)? in no engine/ }
assert lines.contains('[INFO] Skipping image:verify: image.buildTo=registry put the image in no engine. Verify it where an engine has it: pull it, then run image:verify without image.buildTo.')
assert lines.contains('[INFO] Skipping image:push: image:build pushed the image (image.buildTo=registry)')
assert !log.contains('Cannot connect') && !log.contains('127.0.0.1:9')
assert !log.contains(reg.password)

// the registry serves the image: an OCI manifest, and its id is the configuration's digest the build recorded
def id = new File(basedir, 'target/docker/image-id').text.trim()
def digest = new File(basedir, 'target/docker/image-digest').text.trim()
assert digest ==~ Pattern.compile(Pattern.quote(name) + '@sha256:[0-9a-f]{64}')
def manifest = reg.manifest("$name:1.0.0")
assert manifest.mediaType == 'application/vnd.oci.image.manifest.v1+json'
assert manifest.config.digest == id

// pulled into the engine: the same image, and image:verify passes on it there
reg.docker('image', 'rm', '--force', id)
reg.docker('pull', "$name:1.0.0")
assert reg.docker('image', 'inspect', '--format', '{{.Id}}', "$name:1.0.0") == [id]
def verified = mvn('verify-pulled.log', "-Ddockyard.it.registry=$registry", 'image:verify')
assert verified.readLines().contains("[INFO] Verifying image $id ($name:1.0.0)".toString())
assert verified.contains('[INFO] BUILD SUCCESS')

// the engine builds the same project (its builder stage on the engine): the same image id, layer for layer
def engineBuild = mvn('engine-build.log', "-Ddockyard.it.registry=$registry", 'package', '-Dimage.pull=never')
assert engineBuild.contains('[INFO] Building stage rootfs on the engine: sending ')
def engineId = new File(basedir, 'target/docker/image-id').text.trim()
assert engineId == id : "the engine's build gave $engineId, the host build $id"

// image.buildTo=archive: the same image saved as image:save saves it, with no engine; image:check reads it offline,
// and the engine loads it as the same image
reg.docker('image', 'rm', '--force', id)
def archived = mvn('archive-build.log', "-Ddockyard.it.registry=$registry", 'package', 'image:check',
        '-Dimage.builder=host', '-Dimage.buildTo=archive')
def archive = new File(basedir, 'target').listFiles().find { it.name.endsWith('.tar.gz') }
assert archive != null
assert archived.readLines().any { it ==~ /\[INFO\] Saved image / + id.substring(7, 19) + / to target\/${archive.name} \(.*\)/ }
assert archived.readLines().any { it ==~ /\[INFO\] image:check: all \d+ checks passed for target\/${archive.name} \(.*\)/ }
assert !archived.contains('on the engine')
def loaded = reg.docker('load', '--input', archive.path)
assert reg.docker('image', 'inspect', '--format', '{{.Id}}', "$name:1.0.0") == [id] : loaded
reg.remove(basedir)
