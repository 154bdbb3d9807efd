import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
def parent = new XmlSlurper().parse(new File(basedir, 'pom.xml'))
assert parent.modules.module*.text() == ['shop-common', 'orders-service']

def service = new File(basedir, 'orders-service')
def pom = new XmlSlurper().parse(new File(service, 'pom.xml'))
assert "${pom.parent.groupId}:${pom.parent.artifactId}:${pom.parent.version}" == 'com.acme:shop:1.0-SNAPSHOT'
assert log.contains("[INFO] orders-service takes from the parent ${new File(basedir, 'pom.xml').path}: "
        + 'property project.build.sourceEncoding, property project.build.outputTimestamp, property image.maxImageSize, '
        + 'image-maven-plugin version, maven-clean-plugin version, maven-resources-plugin version, '
        + 'maven-compiler-plugin version, maven-surefire-plugin version, maven-jar-plugin version, '
        + 'maven-install-plugin version, maven-deploy-plugin version, junit-jupiter version')
// the service keeps what describes its own code
assert pom.properties.'image.port'.text() == '9090'
assert pom.properties.'image.mainClass'.text() == 'com.acme.orders.App'
assert pom.properties.'image.healthPath'.text() == '/health'
assert pom.properties.'maven.compiler.release'.text() == '17'
// and leaves the rest to the parent
assert pom.properties.'image.maxImageSize'.size() == 0
assert pom.build.pluginManagement.size() == 0
def plugin = pom.build.plugins.plugin.find { it.artifactId.text() == 'image-maven-plugin' }
assert plugin.version.size() == 0
assert plugin.executions.execution*.id*.text() == ['lint', 'dockerfile', 'build', 'verify']
assert pom.dependencies.dependency.find { it.artifactId.text() == 'junit-jupiter' }.version.size() == 0

// `mvn verify` from the parent built the reactor, the new service included
assert log.contains('[INFO] Reactor Build Order:')
assert log =~ /\[INFO\] orders-service \.+ SUCCESS/
assert log.contains('Tests run: 11, Failures: 0, Errors: 0, Skipped: 0')
assert new File(service, 'target/docker/Dockerfile').text.contains('EXPOSE 9090')
assert !new File(basedir, 'shop-common/target/docker').exists()
return true
