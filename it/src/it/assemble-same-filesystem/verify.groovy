def log = new File(basedir, 'build.log').text
def images = evaluate(new File(itSources, 'images.groovy'))

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
}
return true
