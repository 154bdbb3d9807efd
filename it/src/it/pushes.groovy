// Helpers for the push cases' verify.groovy: def reg = evaluate(new File(itSources, 'pushes.groovy'))
//   reg.docker('pull', ref)      the docker CLI against the cases' engine, logged in to the suite's registry with a
//                                Docker configuration of its own (the user's ~/.docker is never touched)
//   reg.tags('dockyard-it/x')    the tags the registry lists for a repository (/v2/<name>/tags/list)
//   reg.remove(basedir)          removes the image the case built (all its tags)
//   reg.user, reg.password       the registry's credentials (test data, as in registry.sh and settings.xml)
import groovy.json.JsonSlurper
import java.nio.file.Files

def user = 'dockyard-it'
def password = 'it-registry-secret-4711'
def config = Files.createTempDirectory('dockyard-it-docker-config').toFile()
config.deleteOnExit()

def exec = { String input, String... args ->
    def process = new ProcessBuilder(['docker', '--config', config.path, *args])
    process.environment().put('DOCKER_HOST', dockerHost)
    def started = process.redirectErrorStream(true).start()
    if (input != null) {
        started.outputStream.withWriter { it << input }
    } else {
        started.outputStream.close()
    }
    def out = started.inputStream.text
    assert started.waitFor() == 0 : "docker ${args.join(' ')} failed: $out"
    out.readLines().findAll { it.trim() }
}
exec(password, 'login', '--username', user, '--password-stdin', registry)
def docker = { String... args -> exec(null, args) }
def tags = { String name ->
    def connection = new URL("http://$registry/v2/$name/tags/list").openConnection()
    connection.setRequestProperty('Authorization', 'Basic ' + "$user:$password".bytes.encodeBase64().toString())
    connection.connectTimeout = 5000
    connection.readTimeout = 10000
    new JsonSlurper().parse(connection.inputStream).tags.sort()
}
// the pushed image carries the registry's random port in its name: removed after the checks, so runs leave none
def remove = { File basedir ->
    def id = new File(basedir, 'target/docker/image-id')
    if (id.isFile()) {
        exec(null, 'image', 'rm', '--force', id.text.trim())
    }
}
return [docker: docker, tags: tags, remove: remove, user: user, password: password]
