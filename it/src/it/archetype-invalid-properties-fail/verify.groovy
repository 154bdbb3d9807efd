def log = new File(basedir, 'build.log').text
def expected = [
        "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-archetype-plugin:${archetypeVersion}:generate (default-cli) on project archetype-invalid-properties: Invocation of method 'getBytes' in  class java.lang.String threw exception java.io.UnsupportedEncodingException: ",
        "[ERROR] Archetype properties rejected, nothing was generated:",
        "[ERROR]   Property artifactId 'Orders_Service' is invalid: expected lower-case words joined by hyphens, e.g. orders-service",
        "[ERROR]   Property package 'com.acme.new' is invalid: expected a Java package name: dot-separated identifiers, no keywords, e.g. com.acme.orders",
        "[ERROR]   Property port '99999' is invalid: expected a TCP port number from 1 to 65535, e.g. 8080",
        "[ERROR]   Property javaVersion '11' is invalid: expected 17 or 21",
        ""].join('\n')
assert log.contains(expected)
assert !log.contains('\tat ')
assert !new File(basedir, 'out').exists() : 'nothing may be generated'

// the batch-mode check (propertiesChecked) repeats every validationRegex of the descriptor: they must not drift
def jar = new java.util.zip.ZipFile(new File(localRepositoryPath,
        "dev/dockyard/service-archetype/${projectVersion}/service-archetype-${projectVersion}.jar"))
def descriptor = jar.withCloseable {
    new groovy.xml.XmlSlurper().parseText(it.getInputStream(it.getEntry('META-INF/maven/archetype-metadata.xml')).text)
}
def properties = descriptor.requiredProperties.requiredProperty
String check = properties.find { it.@key.text() == 'propertiesChecked' }.defaultValue.text()
def validated = properties.findAll { !it.validationRegex.text().isEmpty() }
assert validated*.@key*.text() == ['artifactId', 'package', 'port', 'javaVersion', 'dependsOn']
validated.each { property ->
    String regex = property.validationRegex.text()
    assert regex.startsWith('^(') && regex.endsWith(')$')
    assert check.contains("!\${${property.@key}.matches('${regex[2..-3]}')}") : "propertiesChecked lacks ${regex}"
}
return true
