def log = new File(basedir, 'build.log').text
def docker = evaluate(new File(itSources, 'docker.groovy'))

def failure = log =~ /(?m)^\[ERROR\] FAIL healthy: the container was OOMKilled by the engine under image\.memoryLimit 32 MiB after (\d+\.?\d*)s \(exit status 137\) instead of becoming healthy: raise image\.memoryLimit; its last log lines follow$/
assert failure.find()
['process-user', 'http-probe', 'sigterm-stop'].each {
    assert log.contains("[INFO] SKIPPED $it: the container did not become healthy")
}
assert log.contains('image:verify: 1 of 9 checks failed for dockyard-it/verify-memory-limit-oom-fail:1.0.0: healthy')
assert docker.leftovers(log).isEmpty()
