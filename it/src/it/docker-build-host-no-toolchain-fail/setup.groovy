// The JDK 25 builder image, in the suite's registry: the stand-in of eclipse-temurin:25-jdk the engine has
import java.nio.file.*

def reg = evaluate(new File(itSources, 'pushes.groovy'))
reg.skopeoCopy('eclipse-temurin:25-jdk', "$registry/dockyard-it/eclipse-temurin:25-jdk")

def target = basedir.toPath().resolve('src/main/java/it')
Files.createDirectories(target)
Files.copy(new File(itSources, 'service/Service.java').toPath(), target.resolve('Service.java'),
        StandardCopyOption.REPLACE_EXISTING)
return true
