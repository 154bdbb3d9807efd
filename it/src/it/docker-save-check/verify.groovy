import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
def target = new File(basedir, 'target')
def archive = new File(target, 'docker-save-check-1.0.0.tar.gz')
def id = new File(target, 'docker/image-id').text.trim()

assert archive.isFile() && new File(target, 'docker-save-check-latest.tar.gz').isFile()
// the checksums verify with sha256sum -c, run where the archives are
def check = new ProcessBuilder('sha256sum', '-c', 'docker-save-check-1.0.0.tar.gz.sha256', 'docker-save-check-latest.tar.gz.sha256')
        .directory(target).redirectErrorStream(true).start()
def out = check.inputStream.text
assert check.waitFor() == 0 : out
assert out.contains('docker-save-check-1.0.0.tar.gz: OK') && out.contains('docker-save-check-latest.tar.gz: OK')

def metadata = new JsonSlurper().parse(new File(target, 'image-metadata.json'))
assert metadata.name == 'registry.example.com/shop/docker-save-check'
assert metadata.version == '1.0.0'
assert metadata.id == id
assert metadata.tags.contains('registry.example.com/shop/docker-save-check:1.0.0')
assert metadata.size > 1000000
assert metadata.created
assert metadata.containsKey('digest') && metadata.containsKey('revision')
assert metadata.baseImages == ['dockyard-test/jdk:17', 'dockyard-test/base:17']
assert metadata.labels['org.opencontainers.image.version'] == '1.0.0'
assert metadata.sha256 ==~ /[0-9a-f]{64}/

// image:check: the archive, read without the engine
assert log.contains('[INFO] Checking the image archive target/docker-save-check-1.0.0.tar.gz')
['sha256', 'size', 'non-root-user', 'healthcheck', 'exposed-ports', 'labels', 'sbom'].each {
    assert log.contains("[INFO] PASS $it: ") : it
}
assert log =~ /\[INFO\] image:check: all 7 checks passed for target\/docker-save-check-1\.0\.0\.tar\.gz \(\d+\.\d MB\)/
def junit = new XmlSlurper().parse(new File(target, 'image-reports/TEST-image-check-docker-save-check.xml'))
assert junit.@tests == '7' && junit.@failures == '0'
// the schema validator's own warnings about the CycloneDX schema's keywords are not the user's business
assert !log.contains('[WARNING] Unknown keyword')
