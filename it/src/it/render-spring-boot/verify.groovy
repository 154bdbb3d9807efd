def dockerfile = new File(basedir, 'target/docker/Dockerfile').text
def jlink = dockerfile =~ /(?m)^\s*jlink --add-modules (\S+) /
assert jlink.find() : "no jlink command in the Dockerfile"
def modules = jlink.group(1).split(',') as List
['java.base', 'java.desktop', 'java.instrument', 'java.naming', 'java.sql', 'jdk.unsupported'].each {
    assert modules.contains(it) : "jlink modules lack $it: $modules"
}
assert !modules.contains('jdk.compiler')

def deps = new File(basedir, 'target/docker/layers/dependencies').list().sort()
assert deps.any { it.startsWith('spring-boot-3.3.5') }
assert deps.any { it.startsWith('tomcat-embed-core-') }
assert new File(basedir, 'target/docker/layers/application').list() as List == ['greeter-1.0.jar']
assert !new File(basedir, 'target/docker/layers/snapshot-dependencies').exists()
assert dockerfile.contains('"-cp", "/app/app/greeter-1.0.jar:/app/lib/spring-boot-starter-web-3.3.5.jar:')
assert dockerfile.contains('"com.example.Greeter"]')
assert dockerfile.contains('"http://127.0.0.1:8080/actuator/health"]')
return true
