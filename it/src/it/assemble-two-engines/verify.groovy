// Builds this project again: from a copy in another directory on the second engine (TLS, fresh), and after a clean
// on the main engine; the same image id and layers every time.
import java.nio.file.*

def docker = evaluate(new File(itSources, 'docker.groovy'))
def name = 'dockyard-it/assemble-two-engines:1.0.0'
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Assembled the final stage: ')

def imageId = { File project -> new File(project, 'target/docker/image-id').text.trim() }
def archiveSha256 = { File project ->
    new File(project, 'target/assemble-two-engines-1.0.0.tar.gz.sha256').text.split(/\s+/)[0]
}
def inspect = { Map env, String format ->
    def process = new ProcessBuilder(['docker', 'image', 'inspect', '--format', format, name])
    process.environment().putAll(env)
    def started = process.redirectErrorStream(true).start()
    def out = started.inputStream.text.trim()
    assert started.waitFor() == 0 : out
    out
}
// mvn -o verify in project, as the invoker runs it, with this environment and umask; its log in project/build-N.log
// (the suite's settings, as the invoker interpolates them: the local repository is the staged one)
def settings = new File(basedir, 'it-settings.xml')
def mvn = { File project, Map env, String umask, String logName ->
    def home = System.getProperty('maven.home')
    if (!settings.exists()) {
        settings.parentFile.mkdirs()
        settings.text = new File(itSources, 'settings.xml').text
                .replace('@localRepositoryUrl@', localRepositoryPath.toURI().toString())
    }
    def command = ['sh', '-c', 'umask ' + umask + '; exec "$0" "$@"', "$home/bin/mvn", '-B', '-o',
                   '-s', settings.path, "-Dmaven.repo.local=$localRepositoryPath", 'verify']
            .collect { it.toString() }
    def process = new ProcessBuilder(command).directory(project).redirectErrorStream(true)
    process.environment().putAll(env)
    def output = new File(project, logName)
    process.redirectOutput(output)
    assert process.start().waitFor() == 0 : "mvn verify in $project failed, see $output"
    output.text
}
def mainEngine = [DOCKER_HOST: dockerHost]
def first = imageId(basedir)
def archive = archiveSha256(basedir)
def layers = inspect(mainEngine, '{{json .RootFS.Layers}}')
assert first == inspect(mainEngine, '{{.Id}}')

// the second checkout: the sources only, in another directory, built on the second engine in another time zone.
// (Same umask: maven-jar-plugin records the modes of the files it packs, so under another umask the module's own
// jar has other bytes; the modes of what Dockyard stages do not depend on it, see ImageAssemblerTest.)
def second = basedir.toPath().resolveSibling(basedir.name + '-second-checkout').toFile()
second.deleteDir()
second.mkdirs()
['pom.xml', 'src'].each { path ->
    def from = basedir.toPath().resolve(path)
    Files.walk(from).forEach { file ->
        def to = second.toPath().resolve(basedir.toPath().relativize(file).toString())
        if (Files.isDirectory(file)) {
            Files.createDirectories(to)
        } else {
            Files.copy(file, to)
        }
    }
}
def remoteEngine = [DOCKER_HOST: remoteHost, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: remoteCerts,
                    TZ: 'Pacific/Chatham']
def remoteLog = mvn(second, remoteEngine, '0022', 'build-second-engine.log')
assert remoteLog.contains('[INFO] Assembled the final stage: ')
assert imageId(second) == first : "the second engine built another image: its layers " +
        inspect(remoteEngine, '{{json .RootFS.Layers}}') + ', the main engine\'s ' + layers
assert inspect(remoteEngine, '{{json .RootFS.Layers}}') == layers
assert inspect(remoteEngine, '{{.Id}}') == first
assert archiveSha256(second) == archive : 'image:save wrote another archive on the second engine'

// mvn clean verify again on the main engine: the same id
new File(basedir, 'target').deleteDir()
def againLog = mvn(basedir, mainEngine, '0022', 'build-again.log')
assert againLog.contains('[INFO] Assembled the final stage: ')
assert imageId(basedir) == first
return true
