// Helpers for the Docker cases' verify.groovy: def docker = evaluate(new File(itSources, 'docker.groovy'))
//   docker.run('images', '-q')           the docker CLI's output lines, against the engine the cases used
//   docker.leftovers(buildLog)           containers still carrying the run label the build log names
def run = { String... args ->
    def process = new ProcessBuilder(['docker', *args])
    process.environment().put('DOCKER_HOST', dockerHost)
    def started = process.redirectErrorStream(true).start()
    def out = started.inputStream.text
    assert started.waitFor() == 0 : "docker ${args.join(' ')} failed: $out"
    out.readLines().findAll { it.trim() }
}
def leftovers = { String log ->
    def ids = (log =~ /label dev\.dockyard\.run=([^)\s]+)\)/).collect { it[1] }
    assert !ids.isEmpty() : 'no container was started'
    ids.collectMany { run('ps', '-aq', '--filter', "label=dev.dockyard.run=$it") }
}
return [run: run, leftovers: leftovers]
