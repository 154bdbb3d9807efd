// the module built again by two nested builds at once, after its build context was removed
def nested = evaluate(new File(itSources, 'nested.groovy'))
def first = new File(basedir, 'target/docker/image-id').text.trim()
new File(basedir, 'target/docker').deleteDir()
new File(basedir, 'target/image-work').deleteDir()

def builds = ['one', 'two'].collect { nested.start(basedir, "build-${it}.log", 'package') }
def statuses = builds.collect { nested.exit(it, 600) }
def logs = ['one', 'two'].collect { new File(basedir, "build-${it}.log").text }
logs.eachWithIndex { log, i ->
    assert statuses[i] == 0 : "build ${i + 1} failed:\n$log"
    assert nested.stackFrames(log).isEmpty()
    assert !log.contains('Cannot locate specified Dockerfile')
}
// they met: the later one waited for the earlier one's goal, naming it
assert logs.any { it =~ /(?m)^\[INFO\] Waiting for another build of this module to finish \(image:(dockerfile|build) of concurrent-builds in process \d+\)$/ }
assert new File(basedir, 'target/docker/image-id').text.trim() == first
return true
