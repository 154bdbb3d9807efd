// both modules run the suite's service; "second" differs from "first" in one class (it/Greeting.java)
import java.nio.file.*

['first', 'second'].each { module ->
    def target = basedir.toPath().resolve("$module/src/main/java/it")
    Files.createDirectories(target)
    Files.copy(new File(itSources, 'service/Service.java').toPath(), target.resolve('Service.java'),
            StandardCopyOption.REPLACE_EXISTING)
    Files.writeString(target.resolve('Greeting.java'), """package it;

/** The one class the two modules differ in. */
final class Greeting {
    static final String TEXT = "hello from ${module}";

    private Greeting() {}
}
""")
}
return true
