// both modules run the suite's service; "second" differs from "first" in one class (it/Greeting.java)
import java.nio.file.*

['first', 'second'].each { module ->
    def target = evaluate(new File(itSources, 'service-copy.groovy'))(new File(basedir, module))
    Files.writeString(target.resolve('Greeting.java'), """package it;

/** The one class the two modules differ in. */
final class Greeting {
    static final String TEXT = "hello from ${module}";

    private Greeting() {}
}
""")
}
return true
