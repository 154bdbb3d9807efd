evaluate(new File(itSources, 'spring-boot.groovy')).verify('3')
// its SBOM: in the image as in target/image-reports, the image's jars exactly, and the libraries of the repackaged
// jar are the runtime dependencies mvn dependency:list gives, with the module itself (named by its coordinates, though
// the image holds its classes as a jar the layout made), less the starters: jars of no classes that Spring Boot's
// repackaging leaves out (Spring-Boot-Jar-Type: dependencies-starter), so the image does not hold them
def sbom = evaluate(new File(itSources, 'sbom.groovy'))
def bom = sbom.check()
def expected = sbom.dependencyList().findAll { !it.contains('/org.springframework.boot/spring-boot-starter') }
assert bom.maven.collect { it.purl }.sort() ==
        (expected + 'pkg:maven/dev.dockyard.it/verify-spring-boot-3@1.0.0?type=jar').sort()
// built a second time from clean: the same image, the same SBOM bytes
sbom.again([''], 'package', '-P', 'docker-it', '-Dimage.healthCheckStartPeriod=300s', '-Dimage.healthCheckTimeout=10s')
return true
