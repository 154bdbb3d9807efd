// Helpers for the Docker cases' verify.groovy: def docker = evaluate(new File(itSources, 'docker.groovy'))
//   docker.run('images', '-q')           the docker CLI's output lines, against the engine the cases used
//   docker.leftovers(buildLog)           containers the engine still has of this case: labelled dev.dockyard.run,
//                                        with a dev.dockyard.project label (the module) inside the case's basedir
def run = { String... args ->
    def process = new ProcessBuilder(['docker', *args])
    process.environment().put('DOCKER_HOST', dockerHost)
    def started = process.redirectErrorStream(true).start()
    def out = started.inputStream.text
    assert started.waitFor() == 0 : "docker ${args.join(' ')} failed: $out"
    out.readLines().findAll { it.trim() }
}
def leftovers = { String log ->
    assert log =~ /label dev\.dockyard\.run=[^)\s]+\)/ : 'no container was started'
    def root = basedir.absolutePath + File.separator
    run('ps', '-a', '--no-trunc', '--filter', 'label=dev.dockyard.run',
            '--format', '{{.ID}} {{.Label "dev.dockyard.project"}}')
        .collect { it.split(' ', 2) }
        .findAll { it.length == 2 && (it[1] + File.separator).startsWith(root) }
        .collect { it[0] }
}
return [run: run, leftovers: leftovers]
