// Nested Maven builds for the cases' verify.groovy: def nested = evaluate(new File(itSources, 'nested.groovy'))
//   nested.start(project, 'name.log', 'goal', ...)  starts mvn -B -o in project with the suite's settings, local
//                                                   repository and engine; its output in project/name.log
//   nested.await('what', seconds) { condition }     polls until the condition holds, or fails naming what
//   nested.signal(process, 'INT')                   sends the signal to the build (mvn execs the JVM)
//   nested.exit(process, seconds)                   its exit status, or fails when it has not ended in time
//   nested.stackFrames(log)                         the Java stack frames ("\tat ...") of a log
import java.util.concurrent.TimeUnit

def settings = new File(basedir, 'target/it-settings.xml')
def start = { File project, String logName, String... goals ->
    if (!settings.exists()) {
        settings.parentFile.mkdirs()
        settings.text = new File(itSources, 'settings.xml').text
                .replace('@localRepositoryUrl@', localRepositoryPath.toURI().toString())
    }
    def command = ["${binding.hasVariable('mavenHome') ? mavenHome : System.getProperty('maven.home')}/bin/mvn", '-B', '-o', '-s', settings.path,
                   "-Dmaven.repo.local=$localRepositoryPath", '-P', 'docker-it', *goals]
    // a JVM started with SIGINT ignored (a background job of a script without job control) ignores it for good,
    // and so would this build: perl gives it the default action back
    def ignored = new File('/proc/self/status').readLines().find { it.startsWith('SigIgn:') }
    if (ignored != null && (Long.parseLong(ignored.split(/\s+/)[1], 16) & 2) != 0) {
        command = ['perl', '-e', '$SIG{INT} = "DEFAULT"; exec @ARGV or die "$ARGV[0]: $!"', *command]
    }
    def builder = new ProcessBuilder(command.collect { it.toString() }).directory(project).redirectErrorStream(true)
    builder.environment().put('DOCKER_HOST', dockerHost)
    builder.redirectOutput(new File(project, logName))
    builder.start()
}
def await = { String what, int seconds, Closure<Boolean> condition ->
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds)
    while (!condition()) {
        assert System.nanoTime() < deadline : "not within ${seconds}s: $what"
        Thread.sleep(250)
    }
}
def signal = { Process process, String name ->
    assert ['kill', "-$name", process.pid().toString()].execute().waitFor() == 0
}
def exit = { Process process, int seconds ->
    assert process.waitFor(seconds, TimeUnit.SECONDS) : "the build did not end within ${seconds}s"
    process.exitValue()
}
def stackFrames = { String log -> log.readLines().findAll { it.startsWith('\tat ') } }
return [start: start, await: await, signal: signal, exit: exit, stackFrames: stackFrames]
