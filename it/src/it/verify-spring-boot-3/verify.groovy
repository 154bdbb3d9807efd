evaluate(new File(itSources, 'spring-boot.groovy')).verify('3')
// its SBOM: in the image as in target/image-reports, the image's jars exactly, and the libraries of the repackaged
// jar are the runtime dependencies mvn dependency:list gives, with the module itself
def sbom = evaluate(new File(itSources, 'sbom.groovy'))
def bom = sbom.check()
assert bom.maven.collect { it.purl }.sort() ==
        (sbom.dependencyList() + 'pkg:maven/dev.dockyard.it/verify-spring-boot-3@1.0.0?type=jar').sort()
return true
