// Runs Maven again in an IT project, as the invoker ran it (offline, the suite's settings with the staged local
// repository, the Maven that ran the case): def mvn = evaluate(new File(itSources, 'mvn.groovy'))
//   mvn('build-again.log', 'clean', 'verify')       the log's text; the build must succeed
def settings = new File(basedir, 'it-settings.xml')
return { String logName, String... args ->
    if (!settings.exists()) {
        settings.text = new File(itSources, 'settings.xml').text
                .replace('@localRepositoryUrl@', localRepositoryPath.toURI().toString())
    }
    def command = ["${binding.hasVariable('mavenHome') ? mavenHome : System.getProperty('maven.home')}/bin/mvn", '-B', '-o', '-s', settings.path,
                   "-Dmaven.repo.local=$localRepositoryPath", *args].collect { it.toString() }
    def process = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true)
    process.environment().put('DOCKER_HOST', dockerHost)
    def output = new File(basedir, logName)
    process.redirectOutput(output)
    assert process.start().waitFor() == 0 : "mvn ${args.join(' ')} failed, see $output"
    output.text
}
