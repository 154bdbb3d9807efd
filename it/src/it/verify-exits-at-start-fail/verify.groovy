def log = new File(basedir, 'build.log').text
def docker = evaluate(new File(itSources, 'docker.groovy'))

def failure = log =~ /(?m)^\[ERROR\] FAIL healthy: the container exited with status 3 after (\d+\.?\d*)s instead of becoming healthy; its last log lines follow\n\[ERROR\]   missing configuration: SHOP_DB_URL is not set$/
assert failure.find()
// fails fast: no wait for the 60s health timeout
assert Double.parseDouble(failure.group(1)) < 20
['process-user', 'http-probe', 'sigterm-stop'].each {
    assert log.contains("[INFO] SKIPPED $it: the container did not become healthy")
}
assert log.contains('image:verify: 1 of 9 checks failed for dockyard-it/verify-exits-at-start-fail:1.0.0: healthy')
assert docker.leftovers(log).isEmpty()
