// The ITs' small service (service/Service.java) put into a module of a case, from its setup.groovy:
//   def service = evaluate(new File(itSources, 'service.groovy'))
//   service(basedir)                        into basedir/src/main/java/it/Service.java
//   service(new File(basedir, 'orders'))    into a module of the case's reactor
import java.nio.file.Files
import java.nio.file.StandardCopyOption

return { File module ->
    def target = module.toPath().resolve('src/main/java/it')
    Files.createDirectories(target)
    Files.copy(new File(itSources, 'service/Service.java').toPath(), target.resolve('Service.java'),
            StandardCopyOption.REPLACE_EXISTING)
    target
}
