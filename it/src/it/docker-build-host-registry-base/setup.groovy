// The builder image and the final stage's base, in the suite's registry: the stand-ins of eclipse-temurin:17-jdk and
// debian:bookworm-slim the engine has, copied there with skopeo
import java.nio.file.*

def reg = evaluate(new File(itSources, 'pushes.groovy'))
reg.skopeoCopy('eclipse-temurin:17-jdk', "$registry/dockyard-it/eclipse-temurin:17-jdk")
reg.skopeoCopy('debian:bookworm-slim', "$registry/dockyard-it/debian:bookworm-slim")

def target = basedir.toPath().resolve('src/main/java/it')
Files.createDirectories(target)
Files.copy(new File(itSources, 'service/Service.java').toPath(), target.resolve('Service.java'),
        StandardCopyOption.REPLACE_EXISTING)
return true
