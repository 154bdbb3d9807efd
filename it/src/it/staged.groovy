// Helpers for the cases that stage a real service: def staged = evaluate(new File(itSources, 'staged.groovy'))
//   staged.layers()             [layer: [paths inside the layer]] of target/docker/layers, sorted
//   staged.checkNoFileTwice()   no file name (a jar's) is staged in two places
//   staged.checkImage(module)   built, all 9 checks passed (healthy, non-root, SIGTERM, ...), and the image is no
//                               larger than 1.05 x (runtime base + jlinked runtime + the staged files)
import groovy.json.JsonSlurper

def docker = evaluate(new File(itSources, 'docker.groovy'))
def context = new File(basedir, 'target/docker')

def layers = {
    def root = new File(context, 'layers')
    root.listFiles().sort { it.name }.collectEntries { layer ->
        def files = []
        layer.eachFileRecurse(groovy.io.FileType.FILES) { files << layer.toPath().relativize(it.toPath()).toString() }
        [(layer.name): files.sort()]
    }
}

def checkNoFileTwice = {
    def names = layers().values().flatten().collect { it.tokenize('/').last() }
    def twice = names.countBy { it }.findAll { it.value > 1 }.keySet()
    assert twice.isEmpty() : "staged more than once: $twice"
}

def checkImage = { String name ->
    def log = new File(basedir, 'build.log').text
    assert log.contains("[INFO] image:verify: all 9 checks passed for $name:1.0.0 (")
    ['non-root-user', 'healthy', 'process-user', 'http-probe', 'sigterm-stop'].each {
        assert log.contains("[INFO] PASS $it: ")
    }
    def image = new JsonSlurper().parse(new File(basedir, 'target/image-reports/image.json'))
    def from = new File(context, 'Dockerfile').readLines().findAll { it.startsWith('FROM ') }.last().tokenize(' ')[1]
    long base = from == 'scratch' ? 0 : docker.run('image', 'inspect', '--format', '{{.Size}}', from)[0] as long
    // the jlinked runtime: its own layer, or (java-service) the root filesystem assembled around it in the builder
    // (named as the assembled history names it: the instruction as written)
    def jlinked = image.layers.findAll { it.createdBy ==~ /COPY (--\S+ )*\/rootfs(\/opt\/java)? \/(opt\/java\/?)?/ }
    assert jlinked.size() == 1 : "one layer holds the jlinked runtime: ${image.layers*.createdBy}"
    long files = 0
    context.eachFileRecurse(groovy.io.FileType.FILES) { if (!it.path.contains('/target/docker/.')) files += it.length() }
    long parts = base + (jlinked[0].size as long) + files
    println "image ${image.size} bytes; runtime base $base + jlinked runtime ${jlinked[0].size} + staged files $files = $parts"
    assert image.size <= 1.05 * parts : "image ${image.size} bytes exceeds 1.05 x its parts ($parts bytes)"
    assert docker.leftovers(log).isEmpty()
}

return [layers: layers, checkNoFileTwice: checkNoFileTwice, checkImage: checkImage]
