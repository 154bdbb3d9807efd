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
return true
