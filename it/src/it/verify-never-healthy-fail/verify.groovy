import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
def docker = evaluate(new File(itSources, 'docker.groovy'))

def failure = log =~ /(?m)^\[ERROR\] FAIL healthy: the engine reported the container unhealthy after (\d+\.?\d*)s \(last health check: exit 1: http:\/\/127\.0\.0\.1:8080\/health -> 503\); its last log lines follow$/
assert failure.find()
// within image.healthTimeout (30s)
assert Double.parseDouble(failure.group(1)) < 30
// the container's output follows the failure
def after = log.substring(failure.end())
assert after.contains('[ERROR]   service listening on 8080 (unhealthy)')
assert after.contains('[ERROR]   health: database unavailable')
['process-user', 'http-probe', 'sigterm-stop'].each {
    assert log.contains("[INFO] SKIPPED $it: the container did not become healthy")
}
assert log.contains('[INFO] Removed the container')
assert log.contains('image:verify: 1 of 9 checks failed for dockyard-it/verify-never-healthy-fail:1.0.0: healthy')
def junit = new XmlSlurper().parse(new File(basedir, 'target/image-reports/TEST-image-verify-never-healthy-fail.xml'))
assert junit.@failures == '1' && junit.@skipped == '3'
assert junit.testcase.find { it.@name == 'healthy' }.failure.text().contains('health: database unavailable')
assert docker.leftovers(log).isEmpty()
