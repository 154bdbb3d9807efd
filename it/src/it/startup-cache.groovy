// The startup cache cases (verify-startup-cache-N): evaluate(new File(itSources, 'startup-cache.groovy'))('17', 'cds')
//   a Spring Boot service built with image.startupCache=auto: the training stage, the archive's own layer after the
//   application's, the entry point that uses it, and image:verify's reading that the JVM used it
return { String n, String kind ->
    def log = new File(basedir, 'build.log').text
    def docker = evaluate(new File(itSources, 'docker.groovy'))
    def name = "dockyard-it/verify-startup-cache-$n:1.0.0"
    def archive = kind == 'aot' ? 'app.aot' : 'app.jsa'
    def lines = new File(basedir, 'target/docker/Dockerfile').readLines()

    // the training stage: the final stage's layers, then one run of the service that writes the archive
    def stage = lines.indexOf('FROM scratch AS startup-cache')
    def run = lines.findIndexOf { it.startsWith('RUN ["/opt/java/bin/java", ') && it.contains('"--train"') }
    assert stage > 0 && run > stage : lines
    def training = lines[run]
    assert training.contains(kind == 'aot' ? "\"-XX:AOTCacheOutput=/tmp/dockyard-startup/$archive\""
            : "\"-XX:ArchiveClassesAtExit=/tmp/dockyard-startup/$archive\"")
    assert training.contains('"-Dspring.context.exit=onRefresh", "-cp", "/app/app/')
    // the final stage: the archive in a layer of its own after the application's, and the entry point uses it
    def finalStage = lines.findLastIndexOf { it == 'FROM scratch' }
    def copy = lines.indexOf('COPY --from=startup-cache /tmp/dockyard-startup/ /opt/dockyard/startup/')
    def application = lines.findLastIndexOf { it.startsWith('COPY --chown=65532:65532 layers/application/') }
    assert finalStage > run && application > finalStage && copy > application : lines
    assert lines.subList(application + 1, copy).every { !it.startsWith('COPY') } : lines
    def entrypoint = lines.find { it.startsWith('ENTRYPOINT ') }
    assert entrypoint.contains(kind == 'aot' ? "\"-XX:AOTCache=/opt/dockyard/startup/$archive\""
            : "\"-XX:SharedArchiveFile=/opt/dockyard/startup/$archive\", \"-Xshare:auto\"") : entrypoint
    assert entrypoint.contains('"-XX:MaxMetaspaceSize=')

    // trained in this build, or (the same Dockerfile and context as an earlier run on this engine) from the
    // engine's build cache, which keys the training step by everything it reads
    def logLines = log.readLines()
    def step = logLines.findLastIndexOf { it.startsWith('[INFO] Step ') && it.contains('"--train"') }
    assert step > 0 : 'the training step did not run on the engine'
    assert log.contains("[INFO] [dockyard] startup cache trained: /tmp/dockyard-startup/$archive") ||
            logLines[step + 1] == '[INFO]  ---> Using cache'
    def what = kind == 'aot' ? 'AOT cache' : 'AppCDS archive'
    assert log =~ /\[INFO\] PASS startup-cache: cache used: the \Q$what\E gave the main class it\.boot\.Application and \d+ of \d+ classes the JVM loaded/
    assert log.contains('[INFO] PASS healthy: healthy after ')
    assert log.contains("[INFO] image:verify: all 10 checks passed for $name (")
    def labels = docker.run('image', 'inspect', '--format',
            '{{index .Config.Labels "dev.dockyard.startup-cache"}} {{index .Config.Labels "dev.dockyard.main-class"}}', name)
    assert labels == ["$kind it.boot.Application".toString()]
    assert docker.leftovers(log).isEmpty()
    true
}
