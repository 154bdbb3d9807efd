import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
def docker = evaluate(new File(itSources, 'docker.groovy'))

// what the plugin says of each layer, not what the machine's base image happens to be made from (its comment)

assert log =~ /(?m)^\[ERROR\] FAIL size: image size 4\d\.\d MB exceeds image\.maxImageSize 30\.0 MB by 1\d\.\d MB; largest layers: 3\d\.\d MB COPY --from=rootfs \/rootfs \/; \d\.\d MB \(base image layer(: [^)]+)?\); \d+\.\d kB COPY --chown=65532:65532 [a-z\/]+ \/[a-z\/]+\/\. Shrink those layers or raise image\.maxImageSize\.$/
// the other checks still ran and passed
['non-root-user', 'healthcheck', 'exposed-ports', 'labels', 'healthy', 'process-user', 'http-probe', 'sigterm-stop'].each {
    assert log.contains("[INFO] PASS $it: ")
}
assert log.contains('image:verify: 1 of 9 checks failed for dockyard-it/verify-oversized-fail:1.0.0: size (details above and in target/image-reports/image-report.html)')

def junit = new XmlSlurper().parse(new File(basedir, 'target/image-reports/TEST-image-verify-oversized-fail.xml'))
assert junit.@tests == '9' && junit.@failures == '1'
assert junit.testcase.find { it.@name == 'size' }.failure.@message.text().startsWith('image size ')
assert new File(basedir, 'target/image-reports/image-report.html').text.contains('<td class="FAIL">FAIL</td>')
assert docker.leftovers(log).isEmpty()
