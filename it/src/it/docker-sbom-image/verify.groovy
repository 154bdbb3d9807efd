// The SBOM in the image, in target/image-reports and in the saved archive: one document, the image's files exactly
import groovy.json.JsonSlurper

def docker = evaluate(new File(itSources, 'docker.groovy'))
def mvn = evaluate(new File(itSources, 'mvn.groovy'))
def log = new File(basedir, 'build.log').text
def report = new File(basedir, 'target/image-reports/sbom.cdx.json')
def path = '/usr/share/dockyard/sbom.cdx.json'

// image:sbom ran before image:build: the engine-free document
assert log.contains('Wrote target/image-reports/sbom.cdx.json (CycloneDX 1.6, 2 libraries, ')
assert log.contains('no Debian packages before image:build)')
def built = log =~ /The image holds its SBOM at \/usr\/share\/dockyard\/sbom\.cdx\.json \(label dev\.dockyard\.sbom\): 2 jars, \d+ runtime modules, (\d+) Debian packages; wrote target\/image-reports\/sbom\.cdx\.json/
assert built.find() : 'no line of image:build about the SBOM'
assert (built.group(1) as int) > 0 : 'the builder copied C libraries: their packages are listed'
// image:check read the archive's SBOM
def checked = log =~ /PASS sbom: \/usr\/share\/dockyard\/sbom\.cdx\.json is valid CycloneDX 1\.6 and lists exactly the image's 2 jars and (\d+) Debian packages/
assert checked.find() : 'image:check did not pass the SBOM'
assert checked.group(1) == built.group(1)

def bom = new JsonSlurper().parse(report)
def withPath = { c -> c.properties?.find { it.name == 'dev.dockyard:path' }?.value }
def all = []
def walk
walk = { list -> list?.each { all << it; walk(it.components) } }
walk(bom.components)

// the libraries are the runtime dependencies mvn dependency:list gives, and the module
def listed = new File(basedir, 'target/dependency-list.txt').readLines()
        .collect { it =~ /^\s+([^:\s]+):([^:\s]+):jar:([^:\s]+):(compile|runtime)/ }
        .findAll { it.find() }
        .collect { "pkg:maven/${it.group(1)}/${it.group(2)}@${it.group(3)}?type=jar".toString() }
assert listed == ['pkg:maven/org.apache.commons/commons-lang3@3.17.0?type=jar']
def maven = all.findAll { it.purl?.startsWith('pkg:maven/') }
assert maven.collect { it.purl }.sort() == (listed + 'pkg:maven/com.example/docker-sbom-image@1.0?type=jar').sort()

// the packages: every one with a version and its distro
def debs = all.findAll { it.purl?.startsWith('pkg:deb/') }
assert debs.size() == (built.group(1) as int)
assert debs.every { it.version && it.purl ==~ /pkg:deb\/(debian|ubuntu)\/[a-z0-9.+-]+@[^?]+\?arch=[a-z0-9]+/ } : debs.purl
assert debs.any { it.name == 'libc6' } : debs.purl

// inside the image: the label, the same bytes as the report, and the exported file list matches the components
def id = new File(basedir, 'target/docker/image-id').text.trim()
assert docker.run('image', 'inspect', '--format', '{{index .Config.Labels "dev.dockyard.sbom"}}', id) == [path]
def history = docker.run('image', 'history', '--no-trunc', '--format', '{{.CreatedBy}}', id)
assert history.find { !it.startsWith('LABEL') } == 'COPY sbom.cdx.json ' + path : 'the SBOM is the last layer'
def exported = new File(basedir, 'target/exported.tar')
def embedded = new File(basedir, 'target/embedded.cdx.json')
def container = docker.run('create', id)[0]
try {
    docker.run('export', '-o', exported.path, container)
    docker.run('cp', container + ':' + path, embedded.path)
} finally {
    docker.run('rm', container)
}
assert embedded.bytes == report.bytes : 'the image holds another document than target/image-reports'
def files = ['tar', '-tf', exported.path].execute().text.readLines().collect { it.replaceFirst('^\\./', '') }
def jars = files.findAll { it.endsWith('.jar') && !it.startsWith('opt/java/') }.sort()
assert jars == maven.collect { withPath(it).substring(1) }.sort()
def status = files.findAll { it ==~ /var\/lib\/dpkg\/status\.d\/[^\/]+/ }.sort()
assert status == debs.collect { withPath(it).substring(1) }.sort()

// a second tool reads the document: the CycloneDX project's JavaScript library
def validate = ['bash', new File(itSources, '../../sbom-validate.sh').canonicalPath, report.path].execute()
def said = validate.text
assert validate.waitFor() == 0 : said
assert said.contains('valid CycloneDX 1.6 (@cyclonedx/cyclonedx-library ')

// built again from clean: the same bytes and the same image; image:sbom after image:build includes the packages
def first = report.bytes
def again = mvn('build-again.log', 'clean', 'verify')
assert report.bytes == first
assert new File(basedir, 'target/docker/image-id').text.trim() == id
def sbomAfter = mvn('build-sbom-after.log', 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:list',
        "dev.dockyard:image-maven-plugin:${projectVersion}:sbom")
assert sbomAfter.contains('Up to date: target/image-reports/sbom.cdx.json (CycloneDX 1.6, 2 libraries, ')
assert report.bytes == first

// the engine builds the final stage: the image carries the same document, labelled the same
def engineLog = mvn('build-engine.log', 'verify', '-Dimage.assembler=engine')
assert !engineLog.contains('Assembled the final stage')
assert report.bytes == first
def engineId = new File(basedir, 'target/docker/image-id').text.trim()
assert docker.run('image', 'inspect', '--format', '{{index .Config.Labels "dev.dockyard.sbom"}}', engineId) == [path]
container = docker.run('create', engineId)[0]
try {
    docker.run('cp', container + ':' + path, embedded.path)
} finally {
    docker.run('rm', container)
}
assert embedded.bytes == first
assert engineLog.contains('PASS sbom: ')
return true
