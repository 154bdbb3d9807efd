import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def images = evaluate(new File(itSources, 'images.groovy'))
def docker = evaluate(new File(itSources, 'docker.groovy'))

// the base image's component of the SBOM an image holds
def baseComponent = { String image, File copy ->
    def container = docker.run('create', image)[0]
    try {
        docker.run('cp', container + ':/usr/share/dockyard/sbom.cdx.json', copy.path)
    } finally {
        docker.run('rm', container)
    }
    new JsonSlurper().parse(copy).components.find { it.'bom-ref' == 'base-image' }
}
// what the SBOM states of the engine's base: its RepoDigests entry for its repository (a pulled image), else its id
def expectedBase = { String base, String repository ->
    def id = docker.run('image', 'inspect', '--format', '{{.Id}}', base)[0]
    def digests = new JsonSlurper().parseText(docker.run('image', 'inspect', '--format', '{{json .RepoDigests}}', base)[0])
    def pulled = digests.find { it.startsWith(repository + '@sha256:') }
    pulled ? [version: pulled.substring(pulled.indexOf('@') + 1), source: 'engine-repo-digest']
            : [version: id, source: 'engine-image-id']
}
def bases = [scratch: null, debian: ['debian:bookworm-slim', 'debian'],
             jre: ['eclipse-temurin:17-jre', 'eclipse-temurin'], 'jre-volumes': ['eclipse-temurin:17-jre', 'eclipse-temurin']]

// the RUN that creates the volume keeps java-service-jre with a volume on the engine, said in one line
def fallbacks = log.readLines().findAll { it.startsWith('[INFO] The engine builds the final stage') }
assert fallbacks == ["[INFO] The engine builds the final stage, not Dockyard's assembler: RUN at line 5 of"
        + ' target/docker/Dockerfile']
// every other module was assembled; the earlier stages were sent only the Dockerfile and .dockerignore
assert log.readLines().count { it.startsWith('[INFO] Assembled the final stage: ') } == 3
log.readLines().findAll { it.startsWith('[INFO] Building stage ') }.each {
    assert it ==~ /\[INFO\] Building stage (rootfs|jlink) on the engine: sending 2 files, [0-9.]+ kB/
}

['scratch', 'debian', 'jre', 'jre-volumes'].each { module ->
    def name = "dockyard-it/assemble-same-filesystem-$module"
    def engine = images.save("$name:engine", new File(basedir, "$module/target/engine.tar"))
    def assembled = images.save("$name:assembled", new File(basedir, "$module/target/assembled.tar"))
    def engineFiles = images.files(engine)
    def assembledFiles = images.files(assembled)
    // both carry the SBOM; it names the image's tag, which is engine or assembled here (docker-sbom-image compares
    // the two builders' documents under one tag)
    def sbom = 'usr/share/dockyard/sbom.cdx.json'
    assert engineFiles.remove(sbom) && assembledFiles.remove(sbom) : "$module: an image without its SBOM"
    assert engineFiles.size() > 50 : "$module: ${engineFiles.size()} files"
    def differences = images.differences(engineFiles, assembledFiles)
    assert differences.isEmpty() : "$module: the assembled image's files differ (engine | assembled):\n" +
            differences.join('\n')
    def engineConfig = images.config(engine).config
    def assembledConfig = images.config(assembled).config
    ['Env', 'Entrypoint', 'Cmd', 'User', 'WorkingDir', 'ExposedPorts', 'Volumes', 'Healthcheck', 'StopSignal',
     'Labels'].each { field ->
        assert engineConfig[field] == assembledConfig[field] : "$module: $field differs"
    }
    assert images.diffIds(engine).size() == images.diffIds(assembled).size() : "$module: layer counts differ"
    // the SBOM names the base with the digest of the engine's copy, whichever builds the final stage
    def engineBase = baseComponent("$name:engine", new File(basedir, "$module/target/engine.cdx.json"))
    def assembledBase = baseComponent("$name:assembled", new File(basedir, "$module/target/assembled.cdx.json"))
    assert engineBase == assembledBase : "$module: the base image's components differ"
    if (bases[module] == null) {
        assert engineBase == null : "$module: scratch is no base image"
    } else {
        def (reference, repository) = bases[module]
        def expected = expectedBase(reference, repository)
        assert engineBase.name == reference
        assert engineBase.version == expected.version
        assert engineBase.hashes == [[alg: 'SHA-256', content: expected.version.substring(7)]]
        assert engineBase.properties == [[name: 'dev.dockyard:digestSource', value: expected.source]]
        assert expected.source == 'engine-image-id' ? engineBase.purl.startsWith('pkg:docker/')
                : engineBase.purl.startsWith("pkg:oci/${repository.tokenize('/').last()}@sha256%3A")
    }
}
return true
