def reg = evaluate(new File(itSources, 'pushes.groovy'))
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
// e_machine of an ELF header: bytes 18 and 19, little-endian
def elfMachine = { File file ->
    def bytes = file.bytes
    assert bytes[0..3] == [0x7f, 'E' as char, 'L' as char, 'F' as char].collect { it as byte } : "$file is no ELF file"
    (bytes[18] & 0xff) | ((bytes[19] & 0xff) << 8)
}
def machines = [amd64: 62, arm64: 183]
// the file of a layer blob of the registry, unpacked to a directory of this case
def fromLayer = { String name, String digest, String path ->
    def repository = name.substring(registry.length() + 1)
    def blob = new File(basedir, "target/blob-${digest.substring(7, 19)}")
    blob.parentFile.mkdirs()
    def connection = new URL("http://$registry/v2/$repository/blobs/$digest").openConnection()
    connection.setRequestProperty('Authorization', 'Basic ' + "${reg.user}:${reg.password}".bytes.encodeBase64().toString())
    connection.connectTimeout = 5000
    connection.readTimeout = 60000
    blob.withOutputStream { out -> connection.inputStream.withStream { out << it } }
    def listing = ['tar', '-tzf', blob.path].execute().text.readLines()
    def entry = listing.find { it.replaceFirst('^\\./', '') == path }
    assert entry != null : "the layer $digest has no $path"
    def into = new File(basedir, "target/layer-${digest.substring(7, 19)}")
    into.mkdirs()
    assert ['tar', '-xzf', blob.path, '-C', into.path, entry].execute().waitFor() == 0
    new File(into, path)
}

['orders-service', 'billing-service'].each { service ->
    def name = "$registry/dockyard-it/platforms-$service"
    assert lines.contains("[INFO] Building for linux/amd64, linux/arm64 (image.platforms): each platform's earlier stages are made on this machine, as image.builder=host makes them")
    // one index with both platforms, as skopeo reads it
    def index = reg.manifest("$name:1.0.0-SNAPSHOT")
    assert index.mediaType in ['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json']
    assert index.manifests.collect { "${it.platform.os}/${it.platform.architecture}" } == ['linux/amd64', 'linux/arm64']
    def images = index.manifests.collectEntries { [(it.platform.architecture): reg.manifest("$name@${it.digest}")] }
    // the runtime layer differs, the application layers are the same blobs, each platform has its own SBOM layer
    def amd64 = images.amd64.layers*.digest
    def arm64 = images.arm64.layers*.digest
    assert amd64.size() == arm64.size() && amd64.size() >= 4
    assert amd64.first() != arm64.first()
    assert amd64[1..-2] == arm64[1..-2]
    assert amd64.last() != arm64.last()
    // each runtime's java is of its platform's architecture
    machines.each { arch, machine ->
        def java = fromLayer(name, images[arch].layers[0].digest, 'opt/java/bin/java')
        assert elfMachine(java) == machine : "$service $arch: bin/java has ELF machine ${elfMachine(java)}"
    }
    // the engine has the amd64 image, which image:verify checked
    def id = new File(basedir, "$service/target/docker/image-id").text.trim()
    assert id == images.amd64.config.digest
    assert lines.any { it.startsWith("[INFO] image:verify: all 9 checks passed for $name:1.0.0-SNAPSHOT (") }
    // and the arm64 image, loaded beside it and run under emulation, with longer timeouts
    assert lines.contains("[INFO] Verifying the linux/arm64 image under emulation (the engine runs linux/amd64): health timeout 600s and stop timeout 100s, 10 times image.healthTimeout and image.stopTimeout".toString())
    assert lines.any { it.startsWith("[INFO] image:verify: all 9 checks passed for $name:1.0.0-SNAPSHOT for linux/arm64 (") }
    assert new File(basedir, "$service/target/image-reports/image-report-linux-arm64.html").isFile()
    // not left in the engine
    assert reg.docker('image', 'ls', '--quiet', '--no-trunc').every { it != images.arm64.config.digest }
    // one OCI layout of both, as independent tools read it
    def layout = new File(basedir, "$service/target/layout")
    layout.mkdirs()
    assert ['tar', '-xzf', new File(basedir, "$service/target/platforms-$service-1.0.0-SNAPSHOT.tar.gz").path, '-C', layout.path].execute().waitFor() == 0
    def run = { List<String> command ->
        def process = command.execute()
        def out = new StringBuilder()
        // waits for the output too: consumeProcessOutput's readers could still be reading when waitFor returned
        process.waitForProcessOutput(out, out)
        assert process.exitValue() == 0 : "${command.join(' ')}: $out"
        out.toString()
    }
    assert run(['oci-image-tool', 'validate', '--type', 'image', '--ref', 'name=1.0.0-SNAPSHOT', layout.path]).contains('Validation succeeded')
    def saved = new groovy.json.JsonSlurper().parseText(run(['skopeo', 'inspect', '--raw', "oci:${layout.path}:1.0.0-SNAPSHOT"]))
    assert saved.manifests.collect { "${it.platform.os}/${it.platform.architecture}" } == ['linux/amd64', 'linux/arm64']
    // every blob of both platforms there, as their digests say (skopeo checks each), each the image pushed
    run(['skopeo', 'copy', '--all', '--quiet', "oci:${layout.path}:1.0.0-SNAPSHOT", "dir:${new File(basedir, "$service/target/copied").path}"])
    machines.keySet().each { arch ->
        def config = ['skopeo', 'inspect', '--override-arch', arch, '--config', '--raw', "oci:${layout.path}:1.0.0-SNAPSHOT"].execute().inputStream.bytes
        assert 'sha256:' + java.security.MessageDigest.getInstance('SHA-256').digest(config).encodeHex() == images[arch].config.digest
    }
    assert lines.any { it.startsWith("[INFO] Pushed $name:1.0.0-SNAPSHOT (sha256:") && it.endsWith('), an index of linux/amd64, linux/arm64') }
}
assert lines.any { it.startsWith('[INFO] Linking the linux/arm64 runtime on this machine with the jmods of ') }
assert !log.contains(reg.password)

['orders-service', 'billing-service'].each { reg.remove(new File(basedir, it)) }
return true
