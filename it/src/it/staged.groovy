// Helpers for the cases that stage a real service: def staged = evaluate(new File(itSources, 'staged.groovy'))
//   staged.layers()             [layer: [paths inside the layer]] of target/docker/layers, sorted
//   staged.checkNoFileTwice()   no file name (a jar's) is staged in two places
//   staged.checkImage(module)   built, all 9 checks passed (healthy, non-root, SIGTERM, ...), and the image is no
//                               larger than 1.05 x (runtime base + jlinked runtime + the staged files); a second
//                               argument is the version tag when it is not 1.0.0
//   staged.explained()          the lines image.explainModules wrote ('module: why'), each once
//   staged.checkFloor(image, floor)  the image (name:tag) is at most 1.05 x its floor: the same service built with
//                               only the modules it needs, which passed image:verify too; prints the ratio
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

def checkImage = { String name, String version = '1.0.0' ->
    def log = new File(basedir, 'build.log').text
    assert log.contains("[INFO] image:verify: all 9 checks passed for $name:$version (")
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

def explained = {
    new File(basedir, 'build.log').readLines().findAll { it.startsWith('[INFO] Runtime module ') }
            .collect { it - '[INFO] Runtime module ' }.unique()
}

def checkFloor = { String image, String floor, BigDecimal bound = 1.05 ->
    def log = new File(basedir, 'build.log').text
    assert log.contains("[INFO] image:verify: all 9 checks passed for $floor (") : "the floor $floor did not pass"
    long size = docker.run('image', 'inspect', '--format', '{{.Size}}', image)[0] as long
    long floorSize = docker.run('image', 'inspect', '--format', '{{.Size}}', floor)[0] as long
    def ratio = size / floorSize
    println String.format(Locale.ROOT, 'image %s %d bytes, floor %s %d bytes: %.3f x the floor', image, size, floor,
            floorSize, ratio)
    assert bound == null || ratio <= bound : "image $image ($size bytes) exceeds $bound x its floor $floor ($floorSize bytes)"
    ratio
}

return [layers: layers, checkNoFileTwice: checkNoFileTwice, checkImage: checkImage, explained: explained,
        checkFloor: checkFloor]
