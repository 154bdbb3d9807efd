// The SBOM in the image, in target/image-reports and in the saved archive: one document, the image's files exactly
def docker = evaluate(new File(itSources, 'docker.groovy'))
def mvn = evaluate(new File(itSources, 'mvn.groovy'))
def sbom = evaluate(new File(itSources, 'sbom.groovy'))
def log = new File(basedir, 'build.log').text
def report = new File(basedir, 'target/image-reports/sbom.cdx.json')

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

// in the image, the same bytes; the image's files; a second tool's reading
def bom = sbom.check()
assert bom.debs.size() == (built.group(1) as int)
assert bom.debs.any { it.name == 'libc6' } : bom.debs.purl
def id = bom.id
def history = docker.run('image', 'history', '--no-trunc', '--format', '{{.CreatedBy}}', id)
assert history.find { !it.startsWith('LABEL') } == 'COPY sbom.cdx.json ' + sbom.path : 'the SBOM is the last layer'

// the libraries are the runtime dependencies mvn dependency:list gives, and the module
def listed = sbom.dependencyList()
assert listed == ['pkg:maven/org.apache.commons/commons-lang3@3.17.0?type=jar']
assert bom.maven.collect { it.purl }.sort() == (listed + 'pkg:maven/com.example/docker-sbom-image@1.0?type=jar').sort()

// built again from clean: the same bytes and the same image; image:sbom after image:build includes the packages
def first = report.bytes
new File(basedir, 'target').deleteDir() // as mvn clean, whose plugin the offline suite does not hold
mvn('build-again.log', 'verify')
assert report.bytes == first
assert new File(basedir, 'target/docker/image-id').text.trim() == id
def sbomAfter = mvn('build-sbom-after.log', "dev.dockyard:image-maven-plugin:${projectVersion}:sbom")
assert sbomAfter.contains('Up to date: target/image-reports/sbom.cdx.json (CycloneDX 1.6, 2 libraries, ')
assert report.bytes == first

// the engine builds the final stage: the image carries the same document, labelled the same
def engineLog = mvn('build-engine.log', 'verify', '-Dimage.assembler=engine')
assert !engineLog.contains('Assembled the final stage')
assert engineLog.contains('PASS sbom: ')
assert report.bytes == first
def engine = sbom.check()
assert engine.id != id
assert engine.embedded.bytes == first
return true
