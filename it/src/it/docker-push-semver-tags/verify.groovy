import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def reg = evaluate(new File(itSources, 'pushes.groovy'))
def repository = 'dockyard-it/docker-push-semver-tags'

def listed = reg.tags(repository)
['1.4.2', '1.4', '1', 'latest'].each { assert listed.contains(it) : "$it not in $listed" }
// the git commit's short id, when the suite runs in a git checkout
def pushed = new JsonSlurper().parse(new File(basedir, 'target/image-reports/image.json')).pushed
assert pushed.take(4) == ['1.4.2', '1.4', '1', 'latest'].collect { "$registry/$repository:$it".toString() }
assert pushed.every { listed.contains(it.substring(it.lastIndexOf(':') + 1)) }
assert log.contains("[INFO] Pushed ${pushed.size()} tags to $registry: $registry/$repository@sha256:")
reg.remove(basedir)
