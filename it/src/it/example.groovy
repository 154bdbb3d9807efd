// Copies the modules of the bundled example reactor (examples/shop) into an IT project, so the ITs and the
// README's example build the same code. Used from setup.groovy: evaluate(new File(itSources, 'example.groovy'))
import java.nio.file.*

def source = new File(exampleDirectory).toPath().normalize()
['shop-common', 'orders-service', 'billing-service'].each { module ->
    def from = source.resolve(module)
    Files.walk(from).withCloseable { paths ->
        paths.filter { !from.relativize(it).toString().startsWith('target') }.each { path ->
            def to = basedir.toPath().resolve(module).resolve(from.relativize(path).toString())
            if (Files.isDirectory(path)) {
                Files.createDirectories(to)
            } else {
                Files.copy(path, to, StandardCopyOption.REPLACE_EXISTING)
            }
        }
    }
}
return true
