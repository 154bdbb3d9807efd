import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def docker = evaluate(new File(itSources, 'docker.groovy'))

assert log.contains('[INFO] Using the MultiThreadedBuilder implementation with a thread count of 2')
// the union, computed once for the build, with the service that brought each module beyond the others
def union = log.readLines().findAll { it.contains('Reactor runtime') }
assert union == ['[INFO] Reactor runtime (image.runtime=reactor) of 3 services, linked once for all of them:'
        + ' java.base, java.net.http (http), java.sql (sql), jdk.crypto.ec (http), jdk.httpserver; a module followed'
        + ' by services is needed by those only; add more with image.additionalModules']

def layers = [:]
['plain', 'sql', 'http'].each { module ->
    def name = "dockyard-it/runtime-reactor-$module"
    def target = new File(basedir, "$module/target")
    // every service links the union in a stage of its own, whose output is the image's first layer
    def dockerfile = new File(target, 'docker/Dockerfile').readLines()
    assert dockerfile.contains('FROM eclipse-temurin:17-jdk AS runtime')
    assert dockerfile.contains('    jlink --add-modules java.base,java.net.http,java.sql,jdk.crypto.ec,jdk.httpserver'
            + ' "$strip" --no-man-pages --no-header-files "$compress" \\')
    assert dockerfile.contains('        --output /runtime/opt/java')
    def from = dockerfile.indexOf('FROM scratch')
    assert dockerfile.subList(from + 1, from + 3) == ['COPY --from=runtime /runtime /', 'COPY --from=rootfs /rootfs /']
    assert log.contains("[INFO] Rendered target/docker/Dockerfile from bundled template java-service.ftl (runtime modules:"
            + " java.base,java.net.http,java.sql,jdk.crypto.ec,jdk.httpserver)")

    def image = new JsonSlurper().parse(new File(target, 'image-reports/image.json'))
    assert image.layers[0].createdBy == 'COPY --from=runtime /runtime /'
    assert image.layers.sum { it.size } == image.size
    assert log.contains("[INFO] image:verify: all 9 checks passed for $name:1.0.0 (")

    layers[module] = docker.run('image', 'inspect', '--format', '{{range .RootFS.Layers}}{{println .}}{{end}}',
            "$name:1.0.0")
    assert layers[module].every { it ==~ /sha256:[0-9a-f]{64}/ }
}
// the same runtime layer, at the same place over the same (empty) base, in all three images
assert layers.values()*.get(0).unique().size() == 1
// and the root filesystem beside it (same user, no volumes); the application layers differ
assert layers.values()*.get(1).unique().size() == 1
assert layers.values()*.last().unique().size() == 3
assert docker.leftovers(log).isEmpty()
return true
