// What images hold, read from `docker save` with Commons Compress, for the cases that compare two images:
//   images.save(ref, file)   writes the docker-archive of ref to file
//   images.files(file)       the flattened file system of a saved image, layers applied in order with their
//                            whiteouts: a sorted map path -> "type mode uid:gid size sha256 link" (no times; a hard
//                            link reads as the file it links to)
//   images.config(file)      the image configuration of a saved image (a Map), and .diffIds(file) its layers
//   images.differences(a, b) the lines where two files() maps differ, at most 20
import groovy.json.JsonSlurper
import java.security.MessageDigest
import org.apache.commons.compress.archivers.tar.TarArchiveEntry
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream
import org.apache.commons.compress.archivers.tar.TarFile

def save = { String ref, File file ->
    def process = new ProcessBuilder(['docker', 'save', '-o', file.path, ref])
    process.environment().put('DOCKER_HOST', dockerHost)
    def started = process.redirectErrorStream(true).start()
    def out = started.inputStream.text
    assert started.waitFor() == 0 : "docker save $ref failed: $out"
    file
}
def read = { File file, Closure body ->
    def tar = new TarFile(file)
    try {
        def entries = tar.entries.collectEntries { [(it.name.replaceFirst('^\\./', '')): it] }
        def manifest = new JsonSlurper().parse(tar.getInputStream(entries['manifest.json']))[0]
        def config = new JsonSlurper().parse(tar.getInputStream(entries[manifest.Config]))
        body(tar, entries, manifest, config)
    } finally {
        tar.close()
    }
}
def sha256 = { InputStream input ->
    def digest = MessageDigest.getInstance('SHA-256')
    byte[] buffer = new byte[65536]
    int n
    while ((n = input.read(buffer)) > 0) {
        digest.update(buffer, 0, n)
    }
    digest.digest().encodeHex().toString()
}
def files = { File file ->
    def tree = new TreeMap<String, String>()
    read(file) { tar, entries, manifest, config ->
        manifest.Layers.each { layer ->
            def input = new TarArchiveInputStream(tar.getInputStream(entries[layer]))
            TarArchiveEntry entry
            while ((entry = input.nextEntry) != null) {
                def path = entry.name.replaceFirst('^\\./', '').replaceFirst('/$', '')
                def parent = path.contains('/') ? path.substring(0, path.lastIndexOf('/')) : ''
                def name = path.substring(path.lastIndexOf('/') + 1)
                def below = { String dir -> tree.keySet().removeIf { it.startsWith(dir == '' ? '' : dir + '/') } }
                if (name == '.wh..wh..opq') {
                    below(parent)
                    continue
                }
                if (name.startsWith('.wh.')) {
                    def gone = (parent ? parent + '/' : '') + name.substring(4)
                    tree.remove(gone)
                    below(gone)
                    continue
                }
                def owner = "${entry.longUserId}:${entry.longGroupId}"
                def mode = String.format('%04o', entry.mode & 07777)
                def line
                if (entry.directory) {
                    line = "dir $mode $owner"
                } else if (entry.symbolicLink) {
                    line = "symlink $mode $owner -> ${entry.linkName}"
                } else if (entry.link) {
                    def target = tree[entry.linkName.replaceFirst('^\\./', '')]
                    line = target == null ? "hardlink $mode $owner -> ${entry.linkName}" : target
                } else {
                    line = "file $mode $owner ${entry.size} ${sha256(input)}"
                }
                if (!entry.directory) {
                    below(path)
                }
                tree[path] = line
            }
        }
    }
    tree
}
def config = { File file -> read(file) { tar, entries, manifest, config -> config } }
def diffIds = { File file -> config(file).rootfs.diff_ids }
def differences = { Map a, Map b ->
    def lines = []
    (a.keySet() + b.keySet()).toSorted().each { path ->
        if (a[path] != b[path]) {
            lines << "/$path: ${a[path] ?: 'absent'} | ${b[path] ?: 'absent'}"
        }
    }
    lines.take(20) + (lines.size() > 20 ? ["... ${lines.size() - 20} more"] : [])
}
return [save: save, files: files, config: config, diffIds: diffIds, differences: differences]
