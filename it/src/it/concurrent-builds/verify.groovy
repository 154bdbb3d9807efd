import java.nio.ByteBuffer
import java.nio.channels.FileChannel
import java.nio.file.StandardOpenOption
import java.security.MessageDigest

// the module built again by two nested builds at once, after its build context was removed
def nested = evaluate(new File(itSources, 'nested.groovy'))
def first = new File(basedir, 'target/docker/image-id').text.trim()
new File(basedir, 'target/docker').deleteDir()
new File(basedir, 'target/image-work').deleteDir()

// this script holds the module's lock first, as a third build would, so that both builds are surely waiting for it
// when it lets go, and then contend with each other (left to their timing, one may end before the other starts)
def locks = new File(System.getProperty('java.io.tmpdir'), "dockyard-locks-${System.getProperty('user.name')}")
locks.mkdirs()
def name = MessageDigest.getInstance('SHA-256').digest(basedir.toPath().toAbsolutePath().normalize().toString().bytes)
        .encodeHex().toString() + '.lock'
def holder = "verify.groovy of concurrent-builds in process ${ProcessHandle.current().pid()}"
def channel = FileChannel.open(new File(locks, name).toPath(),
        StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)
def builds = []
try {
    def lock = channel.tryLock()
    assert lock != null : 'another build holds the lock of concurrent-builds'
    channel.truncate(0)
    channel.write(ByteBuffer.wrap(holder.bytes), 0)
    channel.force(false)
    ['one', 'two'].each { n ->
        builds << nested.start(basedir, "build-${n}.log", 'package')
        def log = new File(basedir, "build-${n}.log")
        nested.await("build ${n} waiting for the lock", 300) {
            boolean waits = log.exists() && log.text.readLines()
                    .contains("[INFO] Waiting for another build of this module to finish (${holder})".toString())
            assert waits || builds.last().alive : "build ${n} ended without waiting:\n${log.text}"
            waits
        }
    }
    channel.truncate(0)
    lock.release()
} catch (Throwable failed) {
    builds*.destroyForcibly()
    throw failed
} finally {
    channel.close()
}

def statuses = builds.collect { nested.exit(it, 600) }
def logs = ['one', 'two'].collect { new File(basedir, "build-${it}.log").text }
logs.eachWithIndex { log, i ->
    assert statuses[i] == 0 : "build ${i + 1} failed:\n$log"
    assert nested.stackFrames(log).isEmpty()
    assert !log.contains('Cannot locate specified Dockerfile')
}
assert new File(basedir, 'target/docker/image-id').text.trim() == first
return true
