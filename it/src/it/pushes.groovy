// Helpers for the push cases' verify.groovy: def reg = evaluate(new File(itSources, 'pushes.groovy'))
//   reg.docker('pull', ref)      the docker CLI against the cases' engine, logged in to the suite's registry with a
//                                Docker configuration of its own (the user's ~/.docker is never touched)
//   reg.tags('dockyard-it/x')    the tags the registry lists for a repository (/v2/<name>/tags/list)
//   reg.tagsOrNone('...')        the same, [] when the registry does not know the repository
//   reg.blob('dockyard-it/x', d) the bytes of a blob of a repository (/v2/<name>/blobs/<digest>)
//   reg.remove(basedir)          removes the image the case built (all its tags)
//   reg.user, reg.password       the registry's credentials (test data, as in registry.sh and settings.xml)
//   reg.skopeoRaw(ref, tlsArgs)  the manifest of ref as skopeo inspect --raw reads it, its bytes as text
//   reg.manifest(ref, tlsArgs)   the manifest of ref as skopeo inspect --raw reads it, parsed, with its media type
//   reg.skopeoCopy(image, ref)   copies an image of the cases' engine to ref in the suite's registry (skopeo copy)
//   reg.uploads('dockyard-it/x') the digests of the blobs uploaded to a repository, in order, from the registry's log
//                                (one PUT .../blobs/uploads/...?digest= per blob, the request that completes an upload)
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
def get = { String path ->
    def connection = new URL("http://$registry/v2/$path").openConnection()
    connection.setRequestProperty('Authorization', 'Basic ' + "$user:$password".bytes.encodeBase64().toString())
    connection.connectTimeout = 5000
    connection.readTimeout = 10000
    connection
}
def tags = { String name -> new JsonSlurper().parse(get("$name/tags/list").inputStream).tags.sort() }
// the tags, or none when the registry does not know the repository (404)
def tagsOrNone = { String name ->
    def connection = get("$name/tags/list")
    connection.responseCode == 404 ? [] : (new JsonSlurper().parse(connection.inputStream).tags ?: []).sort()
}
def blob = { String name, String digest -> get("$name/blobs/$digest").inputStream.bytes }
// the pushed image carries the registry's random port in its name: removed after the checks, so runs leave none
def remove = { File basedir ->
    def id = new File(basedir, 'target/docker/image-id')
    if (id.isFile()) {
        exec(null, 'image', 'rm', '--force', id.text.trim())
    }
}
def skopeo = { List<String> args ->
    def process = new ProcessBuilder((['skopeo'] + args).collect { it.toString() }).redirectErrorStream(true).start()
    process.outputStream.close()
    def out = new StringBuilder()
    def reader = Thread.start { out << process.inputStream.text }
    assert process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) : "skopeo ${args.join(' ')} did not finish in 60s"
    reader.join(5000)
    assert process.exitValue() == 0 : "skopeo ${args.join(' ')} failed: $out"
    out.toString()
}
def skopeoRaw = { String reference, List<String> tls = ['--tls-verify=false'] ->
    skopeo(['inspect', '--raw', *tls, '--creds', "$user:$password", "docker://$reference"])
}
def manifest = { String reference, List<String> tls = ['--tls-verify=false'] ->
    new JsonSlurper().parseText(skopeoRaw(reference, tls))
}
def skopeoCopy = { String image, String reference ->
    skopeo(['copy', '--quiet', '--src-daemon-host', dockerHost, '--dest-tls-verify=false',
            '--dest-creds', "$user:$password", "docker-daemon:$image", "docker://$reference"])
}
def uploads = { String repository ->
    def pattern = java.util.regex.Pattern.compile(
            '"PUT /v2/' + java.util.regex.Pattern.quote(repository) + '/blobs/uploads/[^ "]*digest=sha256%3A([0-9a-f]{64})[^"]*" 201')
    def found = []
    new File(registryLog).eachLine { line ->
        def matcher = pattern.matcher(line)
        if (matcher.find()) {
            found << 'sha256:' + matcher.group(1)
        }
    }
    found
}
return [docker: docker, tags: tags, remove: remove, user: user, password: password, manifest: manifest,
        uploads: uploads, tagsOrNone: tagsOrNone, blob: blob, skopeoCopy: skopeoCopy, skopeoRaw: skopeoRaw]
