import groovy.json.JsonSlurper
import java.util.regex.Pattern

def reg = evaluate(new File(itSources, 'pushes.groovy'))
def log = new File(basedir, 'build.log').text
def repository = 'dockyard-it/docker-push-registry-uploads-changes'
def name = "$registry/$repository"

// no engine in the push: the registry client sends what the registry lacks
assert !log.contains('through the engine at')
assert log.contains("[INFO] Pushing to $registry with the credentials of settings.xml server 'it-registry' (user dockyard-it)")
def uploadedLines = (log =~ /(?m)^\[INFO\] Uploaded (\d+) of (\d+) blobs .*$/).collect { it }
assert uploadedLines.size() == 3 : uploadedLines
def (firstPush, againPush, secondPush) = uploadedLines
assert firstPush[1] == firstPush[2] // a fresh repository: every blob
assert againPush[1] == '0' && againPush[0].contains('(0 B, 0 bytes), ' + againPush[2] + ' already in the registry')
assert secondPush[1] == '3' // the application layer, the SBOM's layer (it lists the jar's digest) and the configuration
assert !log.contains(reg.password)

// the manifests as the registry serves them: OCI, gzip layers, the one changed layer the only difference
def first = reg.manifest("$name:1.0.0")
def second = reg.manifest("$name:1.0.1")
assert first.mediaType == 'application/vnd.oci.image.manifest.v1+json'
assert first.config.mediaType == 'application/vnd.oci.image.config.v1+json'
assert first.layers.every { it.mediaType == 'application/vnd.oci.image.layer.v1.tar+gzip' }
assert first.layers.size() == second.layers.size()
def changed = (0..<first.layers.size()).findAll { first.layers[it].digest != second.layers[it].digest }
// the application layer and the last, the SBOM's (/usr/share/dockyard/sbom.cdx.json names the changed jar's SHA-256)
def last = first.layers.size() - 1
assert changed.size() == 2 && changed[1] == last : "layers that differ: $changed"
def applicationLayer = second.layers[changed[0]]
def sbomLayer = second.layers[last]

// the registry's own log: each blob of 1.0.0 uploaded once (none by the second push), then only what changed
def uploads = reg.uploads(repository)
def firstBlobs = first.layers*.digest + [first.config.digest]
assert uploads.size() == uploads.toSet().size() : "a blob was uploaded twice: $uploads"
// each push also sends the image's SBOM as an OCI artifact: its document and (once) the empty configuration
def sbomOf = { String version, String dir ->
    def imageDigest = new File(basedir, "$dir/target/docker/image-digest").text.trim()
    imageDigest = imageDigest.substring(imageDigest.indexOf('@') + 1)
    def tag = imageDigest.replace(':', '-') + '.sbom'
    assert log.contains("[INFO] Pushed the image's SBOM as $name:$tag (")
    def artifact = reg.manifest("$name:$tag")
    assert artifact.mediaType == 'application/vnd.oci.image.manifest.v1+json'
    assert artifact.artifactType == 'application/vnd.cyclonedx+json'
    assert artifact.config.mediaType == 'application/vnd.oci.empty.v1+json' && artifact.config.size == 2
    assert artifact.subject.digest == imageDigest
    assert artifact.subject.mediaType == 'application/vnd.oci.image.manifest.v1+json'
    assert artifact.layers.size() == 1 && artifact.layers[0].mediaType == 'application/vnd.cyclonedx+json'
    // the document the image holds (as image:build wrote it to target/image-reports), its second version: the same
    // BOM naming the image by the digest the push gave it, which the image's own copy cannot know
    def report = new File(basedir, "$dir/target/image-reports/sbom.cdx.json")
    def pushed = new File(basedir, "$dir/target/pushed.cdx.json")
    pushed.bytes = reg.blob(repository, artifact.layers[0].digest)
    assert artifact.layers[0].digest == 'sha256:' + java.security.MessageDigest.getInstance('SHA-256').digest(pushed.bytes).encodeHex()
    assert artifact.layers[0].size == pushed.length()
    assert artifact.layers[0].annotations['org.opencontainers.image.title'] == 'sbom.cdx.json'
    def held = new JsonSlurper().parse(report)
    def sent = new JsonSlurper().parse(pushed)
    assert held.version == 1 && sent.version == 2 && sent.serialNumber == held.serialNumber
    def hex = imageDigest.substring('sha256:'.length())
    assert sent.metadata.component.purl == "pkg:oci/docker-push-registry-uploads-changes@sha256%3A$hex?repository_url=$name&tag=$version".toString()
    assert sent.metadata.component.hashes == [[alg: 'SHA-256', content: hex]]
    assert !held.metadata.component.hashes
    sent.metadata.component.remove('purl'); sent.metadata.component.remove('hashes'); sent.remove('version')
    held.metadata.component.remove('purl'); held.remove('version')
    assert sent == held : 'the pushed document lists what the image holds'
    def validate = ['bash', new File(itSources, '../../sbom-validate.sh').canonicalPath, pushed.path].execute()
    def said = validate.text
    assert validate.waitFor() == 0 && said.contains('valid CycloneDX 1.6') : said
    [artifact.layers[0].digest, artifact.config.digest]
}
def (firstSbom, empty) = sbomOf('1.0.0', 'first')
def (secondSbom, empty2) = sbomOf('1.0.1', 'second')
assert empty2 == empty
def changedBlobs = [applicationLayer.digest, sbomLayer.digest, second.config.digest]
assert uploads.toSet() == (firstBlobs + changedBlobs + [firstSbom, empty, secondSbom]).toSet()
assert uploads.takeRight(4).toSet() == (changedBlobs + [secondSbom]).toSet()

// the digest recorded as image:push records it
def digest = new File(basedir, 'second/target/docker/image-digest').text.trim()
assert digest ==~ Pattern.compile(Pattern.quote(name) + '@sha256:[0-9a-f]{64}')
assert log =~ Pattern.compile('(?m)^\\[INFO\\] Pushed ' + Pattern.quote("$name:1.0.1") + ' \\(' + Pattern.quote(digest.substring(digest.indexOf('@') + 1)) + '\\)$')

// pulled into the engine, the image is the one built (same id) and runs
def id = new File(basedir, 'second/target/docker/image-id').text.trim()
reg.docker('image', 'rm', '--force', id)
reg.docker('pull', "$name:1.0.1")
assert reg.docker('image', 'inspect', '--format', '{{.Id}}', "$name:1.0.1") == [id]
def run = reg.docker('run', '--rm', '--label', 'dev.dockyard.run=docker-push-registry-uploads-changes',
        '-e', 'SERVICE_MODE=resolve', '-e', 'RESOLVE=localhost', "$name:1.0.1")
assert run.contains('resolved localhost -> 127.0.0.1') : run
reg.remove(new File(basedir, 'first'))
reg.remove(new File(basedir, 'second'))
