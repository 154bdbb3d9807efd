def log = new File(basedir, 'build.log').text
def host = (log =~ /\[INFO\] Building image dockyard-it\/docker-remote-tls-build:1\.0\.0 on (tcp:\/\/127\.0\.0\.1:\d+) \(engine /)[0][1]
def id = new File(basedir, 'target/docker/image-id').text.trim()

def docker = { Map env, String... args ->
    def process = new ProcessBuilder(['docker', *args])
    process.environment().putAll(env)
    def started = process.redirectErrorStream(true).start()
    def out = started.inputStream.text
    [status: started.waitFor(), out: out.trim()]
}
def certs = new File(basedir, '../../remote-engine/client').canonicalPath
def onRemote = docker([DOCKER_HOST: host, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs],
        'image', 'inspect', '--format', '{{.Id}}', 'dockyard-it/docker-remote-tls-build:1.0.0')
assert onRemote.status == 0 && onRemote.out == id : onRemote.out
// built on the remote engine only
def onMain = docker([DOCKER_HOST: dockerHost], 'image', 'inspect', '--format', '{{.Id}}', id)
assert onMain.status != 0
assert log =~ /\[INFO\] Built image [0-9a-f]{12} \(/
