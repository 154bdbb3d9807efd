import java.nio.file.Files
import java.util.regex.Pattern

def reg = evaluate(new File(itSources, 'pushes.groovy'))
def log = new File(basedir, 'build.log').text
def name = "$registryTls/dockyard-it/docker-push-registry-private-ca"

assert !log.contains('through the engine at')
assert log.contains("[INFO] Pushing to $registryTls with the credentials of settings.xml server 'it-registry' (user dockyard-it)")
assert log =~ Pattern.compile('(?m)^\\[INFO\\] Pushed ' + Pattern.quote("$name:1.0.0") + ' \\(sha256:[0-9a-f]{64}\\)$')

// skopeo, trusting the same private CA (and nothing insecure), reads what was pushed
def certs = Files.createTempDirectory('dockyard-it-ca').toFile()
try {
    new File(certs, 'ca.crt').bytes = new File(registryCa).bytes
    def manifest = reg.manifest("$name:1.0.0", ['--tls-verify=true', '--cert-dir', certs.path])
    assert manifest.mediaType == 'application/vnd.oci.image.manifest.v1+json'
    def digest = new File(basedir, 'target/docker/image-digest').text.trim()
    assert digest ==~ Pattern.compile(Pattern.quote(name) + '@sha256:[0-9a-f]{64}')
    // the image id is the configuration's digest: the pushed configuration is the one built
    assert manifest.config.digest == new File(basedir, 'target/docker/image-id').text.trim()
} finally {
    certs.deleteDir()
}
reg.remove(basedir)
