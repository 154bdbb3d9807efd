import java.security.MessageDigest
import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
def docker = evaluate(new File(itSources, 'docker.groovy'))

assert log.contains('[INFO] Using the MultiThreadedBuilder implementation with a thread count of 2')
assert log.contains('[INFO] Skipping image:build (image.skip=true)')
assert !new File(basedir, 'shop-common/target/docker/image-id').exists()

def checks = ['size', 'non-root-user', 'healthcheck', 'exposed-ports', 'labels', 'healthy', 'process-user',
              'http-probe', 'sigterm-stop']
[['orders-service', 8080], ['billing-service', 9090]].each { module, port ->
    def name = "dockyard-it/verify-shop-$module"
    def target = new File(basedir, "$module/target")
    assert log =~ /\[INFO\] Building image ${java.util.regex.Pattern.quote(name)}:1\.0\.0-SNAPSHOT on \S+ \(engine [^,]+, pull never\)/
    assert log =~ /\[INFO\] Built image [0-9a-f]{12} \(\d+\.\d MB, \d+ steps\), tagged ${java.util.regex.Pattern.quote(name)}:1\.0\.0-SNAPSHOT, ${java.util.regex.Pattern.quote(name)}:[0-9a-f]{7}/
    assert log.contains("[INFO] PASS exposed-ports: exposes $port/tcp")
    assert log.contains("[INFO] image:verify: all 9 checks passed for $name:1.0.0-SNAPSHOT (")

    // the defaults: eclipse-temurin:17-jdk builds the root filesystem, the final stage starts from scratch
    def dockerfile = new File(target, 'docker/Dockerfile').readLines()
    assert dockerfile.contains('FROM eclipse-temurin:17-jdk AS rootfs') && dockerfile.contains('FROM scratch')

    def id = new File(target, 'docker/image-id').text.trim()
    assert id ==~ /sha256:[0-9a-f]{64}/
    // its SBOM: in the image as in target/image-reports, listing exactly the image's jars and Debian packages,
    // valid for a second tool; the service's own jar among them (and orders-service's reactor dependency)
    def bom = evaluate(new File(itSources, 'sbom.groovy')).check(new File(basedir, module))
    def names = bom.maven.collect { it.name }
    assert names.contains(module) : names
    assert names.contains('shop-common') == (module == 'orders-service') : names
    assert !bom.debs.isEmpty()
    def image = new JsonSlurper().parse(new File(target, 'image-reports/image.json'))
    assert image.id == id
    assert image.tags.contains("$name:1.0.0-SNAPSHOT".toString())
    assert image.size < 150_000_000
    assert image.layers.any { it.createdBy == 'COPY --chown=65532:65532 layers/application/ /app/app/' }
    assert image.layers.sum { it.size } == image.size

    def junit = new XmlSlurper().parse(new File(target, "image-reports/TEST-image-${module}.xml"))
    assert junit.@tests == '9' && junit.@failures == '0' && junit.@skipped == '0'
    assert junit.testcase*.@name*.text() == checks
    def html = new File(target, 'image-reports/image-report.html').text
    assert html.contains('<div class="bar"') && html.count('<td class="PASS">PASS</td>') == 9

    // image:save: the archive, its checksum and metadata
    def archiveName = "${name.tokenize('/').last()}-1.0.0-SNAPSHOT.tar.gz"
    def archive = new File(target, archiveName)
    def digest = MessageDigest.getInstance('SHA-256').digest(archive.bytes).encodeHex().toString()
    assert new File(target, "${archiveName}.sha256").text == "$digest  ${archiveName}\n"
    assert log.contains("[INFO] Saved image ${id.substring(7, 19)} to target/${archiveName} (")
    assert log =~ /\[INFO\] Saved image [0-9a-f]{12} to target\/${java.util.regex.Pattern.quote(archiveName)} \(\d+\.\d MB, sha256 $digest\)/
    assert log.contains("[INFO] Attached ${archiveName} (classifier image)")
    def metadata = new JsonSlurper().parse(new File(target, 'image-metadata.json'))
    assert metadata.id == id && metadata.sha256 == digest && metadata.revision ==~ /[0-9a-f]{40}/
    def head = new java.util.zip.GZIPInputStream(new FileInputStream(archive)).withCloseable { it.readNBytes(512) }
    assert new String(head, 257, 5, 'ISO-8859-1') == 'ustar' // a gzipped tar (docker-archive)

    assert docker.run('image', 'inspect', '--format', '{{.Id}}', "$name:1.0.0-SNAPSHOT") == [id]
}
assert docker.leftovers(log).isEmpty()
// built a second time from clean: both services' images the same, and their SBOMs the same bytes
evaluate(new File(itSources, 'sbom.groovy')).again(['orders-service', 'billing-service'], '-T', '2', 'package')
return true
