// Checks the SBOM of an IT's built image: def sbom = evaluate(new File(itSources, 'sbom.groovy'))
//   def bom = sbom.check()   (or sbom.check(moduleDirectory) for a module of a reactor) the image (target/docker/image-id) carries target/image-reports/sbom.cdx.json byte
//                            for byte at the path its dev.dockyard.sbom label names, in its last layer; the jars of
//                            its exported file list (outside the runtime) are the pkg:maven components with a path,
//                            its /var/lib/dpkg/status.d entries the pkg:deb ones; @cyclonedx/cyclonedx-library
//                            (it/sbom-validate.sh) finds the document valid. Returns [json:, maven:, debs:, id:].
//   sbom.dependencyList()    the runtime artifacts mvn dependency:list wrote to target/dependency-list.txt
import groovy.json.JsonSlurper

def docker = evaluate(new File(itSources, 'docker.groovy'))
def path = '/usr/share/dockyard/sbom.cdx.json'

def check = { File dir = basedir ->
    def report = new File(dir, 'target/image-reports/sbom.cdx.json')
    def json = new JsonSlurper().parse(report)
    def all = []
    def walk
    walk = { list -> list?.each { all << it; walk(it.components) } }
    walk(json.components)
    def pathOf = { c -> c.properties?.find { it.name == 'dev.dockyard:path' }?.value }
    def maven = all.findAll { it.purl?.startsWith('pkg:maven/') }
    def debs = all.findAll { it.purl?.startsWith('pkg:deb/') }
    assert debs.every { it.version && it.purl ==~ /pkg:deb\/(debian|ubuntu)\/[a-z0-9.+-]+@[^?]+\?arch=[a-z0-9]+/ } :
            debs.purl

    def id = new File(dir, 'target/docker/image-id').text.trim()
    assert docker.run('image', 'inspect', '--format', '{{index .Config.Labels "dev.dockyard.sbom"}}', id) == [path]
    def exported = new File(dir, 'target/exported.tar')
    def embedded = new File(dir, 'target/embedded.cdx.json')
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
    assert jars == maven.findAll { pathOf(it) }.collect { pathOf(it).substring(1) }.sort()
    def status = files.findAll { it ==~ /var\/lib\/dpkg\/status\.d\/[^\/]+/ }.sort()
    assert status == debs.collect { pathOf(it).substring(1) }.sort()

    def validate = ['bash', new File(itSources, '../../sbom-validate.sh').canonicalPath, report.path].execute()
    def said = validate.text
    assert validate.waitFor() == 0 : said
    assert said.contains('valid CycloneDX 1.6 (@cyclonedx/cyclonedx-library ')
    [json: json, maven: maven, debs: debs, id: id, embedded: embedded]
}
// the runtime artifacts of target/dependency-list.txt (maven-dependency-plugin's list goal), as pkg:maven purls
def dependencyList = {
    new File(basedir, 'target/dependency-list.txt').readLines()
            .collect { it =~ /^\s+([^:\s]+):([^:\s]+):jar:([^:\s]+):(compile|runtime)/ }
            .findAll { it.find() }
            .collect { "pkg:maven/${it.group(1)}/${it.group(2)}@${it.group(3)}?type=jar".toString() }
            .sort()
}
return [check: check, path: path, dependencyList: dependencyList]
