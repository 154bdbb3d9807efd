// The Spring Boot cases (verify-spring-boot-N): def boot = evaluate(new File(itSources, 'spring-boot.groovy'))
//   boot.copySources()   setup: the service's sources (spring-boot/), shared by the cases
//   boot.verify('3')     verify: staged exploded from the repackaged jar, each jar once, and a verified image
import java.nio.file.*
import java.util.zip.ZipFile

def copySources = {
    def sources = new File(itSources, 'spring-boot').toPath()
    Files.walk(sources).filter { Files.isRegularFile(it) }.each {
        def target = basedir.toPath().resolve('src/main/java').resolve(sources.relativize(it).toString())
        Files.createDirectories(target.parent)
        Files.copy(it, target, StandardCopyOption.REPLACE_EXISTING)
    }
    true
}

def verify = { String n ->
    def log = new File(basedir, 'build.log').text
    def staged = evaluate(new File(itSources, 'staged.groovy'))
    def jar = new File(basedir, "target/verify-spring-boot-$n-1.0.0.jar")

    assert log =~ /\[INFO\] Layout of verify-spring-boot-$n: Spring Boot repackaged jar \(Spring Boot $n\.\d+\.\d+\): staged exploded, \d+ nested jars in the layers of its layers\.idx, its classes as verify-spring-boot-$n-1\.0\.0\.jar; Start-Class runs on a plain class path/
    assert !log.contains('staged a second time')

    // the layers exactly: every nested jar of BOOT-INF/lib once (the jar-mode tools are not needed), the classes as one
    // jar, no loader, nothing else
    def nested = new ZipFile(jar).withCloseable { zip ->
        zip.entries().collect { it.name }.findAll { it ==~ /BOOT-INF\/lib\/[^\/]+\.jar/ }
                .collect { it.substring('BOOT-INF/lib/'.length()) }.findAll { !it.startsWith('spring-boot-jarmode-') }.sort()
    }
    def layers = staged.layers()
    assert layers.keySet() as List == ['application', 'dependencies'] : layers.keySet()
    assert layers.application == ["verify-spring-boot-$n-1.0.0.jar".toString()]
    assert layers.dependencies == nested
    assert nested.any { it.startsWith("spring-boot-${n}.") } && nested.any { it.startsWith('h2-') }
    assert nested.any { it.startsWith('hibernate-core-') }
    staged.checkNoFileTwice()
    def classes = new ZipFile(new File(basedir, "target/docker/layers/application/verify-spring-boot-$n-1.0.0.jar"))
            .withCloseable { zip -> zip.entries().collect { it.name } }
    assert classes.contains('it/boot/Application.class') && !classes.any { it.startsWith('org/springframework/boot/loader/') }

    def dockerfile = new File(basedir, 'target/docker/Dockerfile').text
    assert dockerfile.contains("\"-cp\", \"/app/app/verify-spring-boot-$n-1.0.0.jar:/app/lib/")
    assert dockerfile.contains('"it.boot.Application"]')
    assert !dockerfile.contains('JarLauncher')

    staged.checkImage("dockyard-it/verify-spring-boot-$n")
    true
}

return [copySources: copySources, verify: verify]
