import groovy.json.JsonSlurper
import java.security.MessageDigest

def file = new File(basedir, 'target/image-reports/sbom.cdx.json')
assert file.isFile() : "no SBOM"
def bom = new JsonSlurper().parse(file)
assert bom.bomFormat == 'CycloneDX'
assert bom.specVersion == '1.6'
assert bom.serialNumber ==~ /urn:uuid:[0-9a-f-]{36}/
assert bom.metadata.timestamp == '2024-01-01T00:00:00Z'
assert bom.metadata.component.name == 'hello'
assert bom.metadata.component.version == 'latest' || bom.metadata.component.version == '1.0'

def libraries = bom.components.findAll { it.purl?.startsWith('pkg:maven/') }
// exactly the jars `mvn dependency:list` gives at runtime, plus the module's own
assert libraries.collect { it.purl }.sort() == [
        'pkg:maven/com.example/hello@1.0?type=jar',
        'pkg:maven/org.apache.commons/commons-lang3@3.17.0?type=jar'] : libraries.collect { it.purl }

def lang = libraries.find { it.name == 'commons-lang3' }
def staged = new File(basedir, 'target/docker/layers/dependencies').listFiles().find { it.name.startsWith('commons-lang3') }
def sha = MessageDigest.getInstance('SHA-256').digest(staged.bytes).encodeHex().toString()
assert lang.hashes[0].alg == 'SHA-256' && lang.hashes[0].content == sha
assert lang.licenses.collect { it.license.name } == ['Apache-2.0'] : lang.licenses
assert !lang.properties?.any { it.name == 'dev.dockyard:reactor' }

def own = libraries.find { it.name == 'hello' }
assert own.properties.any { it.name == 'dev.dockyard:reactor' && it.value == 'true' }
assert own.licenses.collect { it.license.name } == ['Apache-2.0']

def runtime = bom.components.find { it.type == 'platform' }
assert runtime.name == 'java-runtime' && runtime.version == '17'
assert runtime.components.collect { it.name }.contains('java.base')

def log = new File(basedir, 'build.log').text
assert log.contains('Wrote target/image-reports/sbom.cdx.json (CycloneDX 1.6, 2 libraries, ')
assert log.contains('Attached sbom.cdx.json (classifier cyclonedx)')
return true
