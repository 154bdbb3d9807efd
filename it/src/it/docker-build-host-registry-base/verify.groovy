def reg = evaluate(new File(itSources, 'pushes.groovy'))
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def name = "$registry/dockyard-it/docker-build-host-registry-base"
def base = "$registry/dockyard-it/debian:bookworm-slim"

assert lines.contains("[INFO] Reading $base for linux/amd64 from its registry $registry".toString())
// the base's one layer is mounted from its repository, the registry gets the rest (a run again, as the invoker's
// second Maven execution does, finds every blob there already)
def uploaded = lines.find { it.startsWith('[INFO] Uploaded ') }
def counts = (uploaded =~ /^\[INFO\] Uploaded (\d+) of (\d+) blobs \(.*\), (\d+) already in the registry(, 1 mounted)?$/)
assert counts.matches() : uploaded
assert counts.group(4) != null || counts.group(3) == counts.group(2) : uploaded
assert !log.contains('127.0.0.1:9')

// the manifest: the base's layer first, as the base's own manifest has it
def manifest = reg.manifest("$name:1.0.0")
def baseManifest = reg.manifest(base)
assert manifest.layers[0].digest == baseManifest.layers[0].digest
// the SBOM names the base by the digest of the manifest the registry client read it by
def sbom = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/image-reports/sbom.cdx.json'))
def baseComponent = sbom.components.find { c -> c.properties?.any { it.name == 'dev.dockyard:digestSource' } }
assert baseComponent != null
assert baseComponent.properties.find { it.name == 'dev.dockyard:digestSource' }.value == 'registry-manifest'
def baseDigest = 'sha256:' + java.security.MessageDigest.getInstance('SHA-256')
        .digest(reg.skopeoRaw(base).getBytes('UTF-8')).encodeHex()
assert baseComponent.version == baseDigest
assert baseComponent.purl.startsWith('pkg:oci/debian@' + baseDigest.replace(':', '%3A'))

// pulled into the engine: the image built, and it runs
def id = new File(basedir, 'target/docker/image-id').text.trim()
reg.docker('image', 'rm', '--force', id)
reg.docker('pull', "$name:1.0.0")
assert reg.docker('image', 'inspect', '--format', '{{.Id}}', "$name:1.0.0") == [id]
def run = reg.docker('run', '--rm', '--label', 'dev.dockyard.run=docker-build-host-registry-base',
        '-e', 'SERVICE_MODE=resolve', '-e', 'RESOLVE=localhost', "$name:1.0.0")
assert run.contains('resolved localhost -> 127.0.0.1') : run
reg.remove(basedir)
