// The generated service compiled and its own unit tests passed (goal.txt: test); check what the defaults produced.
import groovy.xml.XmlSlurper

File projectDir = context.projectDir

def pom = new XmlSlurper().parse(new File(projectDir, 'pom.xml'))
assert pom.properties.'maven.compiler.release'.text() == '17'
assert pom.properties.'image.port'.text() == '8080'
assert pom.properties.'image.healthPath'.text() == '/health'
assert pom.properties.'image.maxImageSize'.text() == '150MB'
assert pom.properties.'image.builderImage'.text() == 'eclipse-temurin:17-jdk'
assert pom.properties.'image.runtimeImage'.text() == 'debian:bookworm-slim'
assert pom.properties.'image.pull'.text() == 'missing'
assert pom.properties.'image.mainClass'.text() == 'com.acme.App'
assert pom.properties.'project.build.outputTimestamp'.text() ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/
def plugin = pom.build.plugins.plugin.find { it.artifactId.text() == 'image-maven-plugin' }
assert plugin.groupId.text() == 'dev.dockyard'
assert plugin.version.text() ==~ /\d+\.\d+\.\d+(-SNAPSHOT)?/
assert plugin.configuration.size() == 0 : 'image settings belong in <properties>, where -D can override them'
assert plugin.executions.execution.collect { "${it.id.text()}:${it.phase.text()}:${it.goals.goal.text()}" } ==
        ['lint:package:lint', 'dockerfile:package:dockerfile', 'build:package:build', 'verify:verify:verify']
assert pom.dependencies.dependency.collect { "${it.artifactId.text()}:${it.scope.text()}" } == ['junit-jupiter:test']

assert new File(projectDir, 'src/main/java/com/acme/App.java').text.contains('static final int DEFAULT_PORT = 8080;')
assert new File(projectDir, 'target/surefire-reports/TEST-com.acme.ShutdownTest.xml').isFile()
assert new File(projectDir, '.gitignore').text.contains('target/')
def readme = new File(projectDir, 'README.md').text
assert readme.startsWith('orders-service\n')
assert readme.contains('curl http://localhost:8080/health')
assert readme.contains('src/main/docker/')
assert !readme.contains('${')
