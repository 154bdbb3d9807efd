// javaVersion=21 sets the compiler release and the builder JDK (the build itself needs a JDK 21, so only validate runs here).
import groovy.xml.XmlSlurper

File projectDir = context.projectDir

def pom = new XmlSlurper().parse(new File(projectDir, 'pom.xml'))
assert pom.properties.'maven.compiler.release'.text() == '21'
assert pom.properties.'image.builderImage'.text() == 'eclipse-temurin:21-jdk'
assert new File(projectDir, 'src/main/java/com/acme/App.java').isFile()
