// A package other than the groupId and a custom port reach the sources, the POM and the README.
import groovy.xml.XmlSlurper

File projectDir = context.projectDir

def pom = new XmlSlurper().parse(new File(projectDir, 'pom.xml'))
assert pom.groupId.text() == 'com.example'
assert pom.artifactId.text() == 'billing-api'
assert pom.version.text() == '2.3.0-SNAPSHOT'
assert pom.properties.'image.port'.text() == '9090'
assert pom.properties.'image.mainClass'.text() == 'com.example.billing.api.App'

def sources = new File(projectDir, 'src/main/java/com/example/billing/api')
assert ['App.java', 'HealthHandler.java', 'Service.java'].every { new File(sources, it).isFile() }
assert !new File(projectDir, 'src/main/java/com/example/App.java').exists()
def app = new File(sources, 'App.java').text
assert app.startsWith('package com.example.billing.api;')
assert app.contains('static final int DEFAULT_PORT = 9090;')
assert app.contains('"billing-api listening on port "')
assert new File(projectDir, 'target/surefire-reports/TEST-com.example.billing.api.HealthHandlerTest.xml').isFile()
assert new File(projectDir, 'README.md').text.contains('docker run --rm -p 9090:9090 billing-api:2.3.0-SNAPSHOT')
