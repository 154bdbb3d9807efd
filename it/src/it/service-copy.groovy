// The ITs' small service (service/Service.java; its SERVICE_MODE environment variable, the plugin's <env>, picks
// healthy, unhealthy or exit) put into a module of a case:
//   def copy = evaluate(new File(itSources, 'service-copy.groovy'))
//   copy(new File(basedir, 'orders'))       into orders/src/main/java/it/Service.java; returns that directory
// service.groovy does it for the case's own directory.
import java.nio.file.Files
import java.nio.file.StandardCopyOption

return { File module ->
    def target = module.toPath().resolve('src/main/java/it')
    Files.createDirectories(target)
    Files.copy(new File(itSources, 'service/Service.java').toPath(), target.resolve('Service.java'),
            StandardCopyOption.REPLACE_EXISTING)
    target
}
