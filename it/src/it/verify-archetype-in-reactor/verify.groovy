import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
def parent = new XmlSlurper().parse(new File(basedir, 'pom.xml'))
assert parent.modules.module*.text() == ['shop-common', 'payments-service']

def service = new File(basedir, 'payments-service')
def pom = new XmlSlurper().parse(new File(service, 'pom.xml'))
assert "${pom.parent.groupId}:${pom.parent.artifactId}:${pom.parent.version}" == 'com.acme:shop:1.0-SNAPSHOT'
assert log.contains("[INFO] payments-service takes from the parent ${new File(basedir, 'pom.xml').path}: "
        + 'property project.build.sourceEncoding, property project.build.outputTimestamp, property image.maxImageSize, '
        + 'image-maven-plugin version, maven-clean-plugin version, maven-resources-plugin version, '
        + 'maven-compiler-plugin version, maven-surefire-plugin version, maven-jar-plugin version, '
        + 'maven-install-plugin version, maven-deploy-plugin version, junit-jupiter version')
// the service keeps what describes its own code
assert pom.properties.'image.port'.text() == '9090'
assert pom.properties.'image.mainClass'.text() == 'com.acme.payments.App'
assert pom.properties.'image.healthPath'.text() == '/health'
assert pom.properties.'maven.compiler.release'.text() == '17'
// and leaves the rest to the parent
assert pom.properties.'image.maxImageSize'.size() == 0
assert pom.build.pluginManagement.size() == 0
def plugin = pom.build.plugins.plugin.find { it.artifactId.text() == 'image-maven-plugin' }
assert plugin.version.size() == 0
assert plugin.executions.execution*.id*.text() == ['lint', 'dockerfile', 'build', 'verify']
assert pom.dependencies.dependency.find { it.artifactId.text() == 'junit-jupiter' }.version.size() == 0

// `mvn verify` from the parent built the reactor, and the new service's image under the parent's budget
assert log =~ /\[INFO\] payments-service \.+ SUCCESS/
assert log.contains('Tests run: 16, Failures: 0, Errors: 0, Skipped: 0')
assert log =~ /\[INFO\] PASS size: image size [\d.]+ MB is within image\.maxImageSize 120\.0 MB/
assert log.contains('[INFO] PASS non-root-user: the image runs as user 65532:65532')
assert log.contains('[INFO] PASS exposed-ports: exposes 9090/tcp')
assert log =~ /\[INFO\] PASS healthy: healthy after [\d.]+s/
assert log =~ /\[INFO\] PASS http-probe: GET \/health answered 200 through host port \d+/
assert log =~ /\[INFO\] PASS sigterm-stop: stopped on SIGTERM in [\d.]+s with exit status 0/
assert log =~ /\[INFO\] image:verify: all \d+ checks passed for payments-service:1\.0-SNAPSHOT/
assert !log.contains('FAIL ')
// the verify container was removed
assert evaluate(new File(itSources, 'docker.groovy')).leftovers(log).isEmpty()
assert !new File(basedir, 'shop-common/target/docker').exists()
return true
