// Copies the ITs' small service (service/Service.java) into an IT project; its SERVICE_MODE environment variable
// (the plugin's <env>) picks healthy, unhealthy or exit. Used from setup.groovy:
// evaluate(new File(itSources, 'service.groovy'))
import java.nio.file.*

def target = basedir.toPath().resolve('src/main/java/it/Service.java')
Files.createDirectories(target.parent)
Files.copy(new File(itSources, 'service/Service.java').toPath(), target, StandardCopyOption.REPLACE_EXISTING)
return true
