def log = new File(basedir, 'build.log').text
def docker = evaluate(new File(itSources, 'docker.groovy'))
def name = 'dockyard-it/verify-default-bases:1.0.0'

def dockerfile = new File(basedir, 'target/docker/Dockerfile').readLines()
assert dockerfile.contains('FROM eclipse-temurin:17-jdk AS rootfs')
assert dockerfile.contains('FROM scratch')
assert dockerfile.contains('COPY --from=rootfs /rootfs /')
assert log =~ /\[INFO\] Building image ${java.util.regex.Pattern.quote(name)} on \S+ \(engine [^,]+, pull never\)/
assert log.contains("[INFO] image:verify: all 9 checks passed for $name (")
// Debian's builder has objcopy and dpkg: no fallback line
assert log.readLines().findAll { it.startsWith('[INFO] [dockyard] ') }.isEmpty()

// the image's files: docker create + docker export (it has no shell to list them with)
def exec = { List<String> args ->
    def process = new ProcessBuilder((['docker'] + args).collect { it.toString() })
    process.environment().put('DOCKER_HOST', dockerHost)
    def started = process.redirectErrorStream(true).start()
    def out = started.inputStream.text
    [started.waitFor(), out]
}
def created = docker.run('create', '--label', 'dev.dockyard.test=verify-default-bases', name)[0]
def export = new File(basedir, 'target/export.tar')
try {
    def (status, out) = exec(['export', '-o', export.path, created])
    assert status == 0 : out
} finally {
    docker.run('rm', created)
}
def tar = { String... args ->
    def started = new ProcessBuilder(['tar', *args, '-f', export.path]).redirectErrorStream(true).start()
    def out = started.inputStream.text
    assert started.waitFor() == 0 : out
    out
}
def entries = tar('-t').readLines().collect { it.replaceFirst('^\\./', '').replaceFirst('/$', '') } as Set
['opt/java/bin/java', 'lib64/ld-linux-x86-64.so.2', 'lib/x86_64-linux-gnu/libc.so.6', 'etc/passwd', 'etc/group',
 'etc/nsswitch.conf', 'etc/os-release', 'tmp', 'data', 'app/app/verify-default-bases-1.0.0.jar',
 'var/lib/dpkg/status.d/libc6'].each { assert entries.contains(it) : "$it is missing from the image: $entries" }
['bin/sh', 'usr/bin/sh', 'bin/bash', 'usr/bin/dpkg', 'usr/bin/apt', 'usr/bin/apt-get', 'bin/busybox'].each {
    assert !entries.contains(it) : "$it is in the image"
}
def listing = tar('-tv', '--numeric-owner')
assert listing =~ /(?m)^drwxrwxrwt 0\/0 .* \.?\/?tmp\/$/
assert listing =~ /(?m)^drwxr-xr-x 65532\/65532 .* \.?\/?data\/$/
def packages = entries.findAll { it.startsWith('var/lib/dpkg/status.d/') && it != 'var/lib/dpkg/status.d' }
        .collect { it - 'var/lib/dpkg/status.d/' } as Set
assert packages.containsAll(['libc6', 'base-files']) : packages
packages.each { pkg ->
    def entry = tar('-xO', "var/lib/dpkg/status.d/$pkg")
    assert entry.readLines().contains("Package: $pkg".toString())
    assert entry =~ /(?m)^Version: \S+$/
}
assert tar('-xO', 'var/lib/dpkg/status.d/libc6') =~ /(?m)^Version: 2\.36-/
assert tar('-xO', 'etc/passwd').readLines().contains('nonroot:x:65532:65532:nonroot:/app:/sbin/nologin')

// no shell: the engine cannot start one
def (shStatus, shOut) = exec(['run', '--rm', '--label', 'dev.dockyard.test=verify-default-bases', '--entrypoint', '/bin/sh', name])
assert shStatus != 0 && shOut.contains('no such file or directory') : shOut

// localhost and a container's name (Docker's DNS on a user network) resolve with the image's own Java
def suffix = Long.toHexString(System.nanoTime())
def network = "dockyard-it-default-bases-$suffix"
def peer = "peer-$suffix"
docker.run('network', 'create', '--label', 'dev.dockyard.test=verify-default-bases', network)
try {
    docker.run('run', '-d', '--name', peer, '--network', network, '--label', 'dev.dockyard.test=verify-default-bases', name)
    def (status, out) = exec(['run', '--rm', '--network', network, '--label', 'dev.dockyard.test=verify-default-bases',
                              '-e', 'SERVICE_MODE=resolve', '-e', "RESOLVE=localhost,$peer".toString(), name])
    assert status == 0 : out
    assert out.readLines().contains('resolved localhost -> 127.0.0.1') : out
    assert out =~ /(?m)^resolved ${peer} -> \d+\.\d+\.\d+\.\d+$/
} finally {
    exec(['rm', '-f', peer])
    exec(['network', 'rm', network])
}
assert docker.leftovers(log).isEmpty()
