// Runs after the files are written. Generated standalone, the new project keeps everything it carries.
// Generated inside a multi-module project (the current directory holds a pom.xml), maven-archetype-plugin has
// already listed the module in the parent's <modules> and given the new POM that <parent>. The new module then
// leaves to the parent what the parent decides for the whole reactor:
//  - properties the parent sets (encoding, output timestamp, size budget, ...) are dropped here, except the ones
//    that describe this service's own code: main class, port, health path, dependencies, Java release;
//  - if the parent manages dev.dockyard:image-maven-plugin, the plugin's <version> is dropped here (the
//    executions stay, with ids lint, dockerfile, build, verify, so the parent's executions of the same ids merge);
//  - core plugins the parent manages lose their pins here, and junit-jupiter its version when the parent
//    manages it.
import groovy.xml.XmlSlurper
import java.util.regex.Pattern

def parentPom = new File(request.outputDirectory, 'pom.xml')
def pom = new File(new File(request.outputDirectory, request.artifactId), 'pom.xml')
if (!parentPom.isFile() || !pom.isFile()) {
    return
}

def parent = new XmlSlurper().parse(parentPom)
String text = pom.getText('UTF-8')
List<String> changes = []

def keep = ['image.mainClass', 'image.port', 'image.healthPath', 'image.dependsOn', 'maven.compiler.release'] as Set
parent.properties.'*'.each { property ->
    String key = property.name()
    if (!keep.contains(key)) {
        String before = text
        // the property's line, and the one-line comment right above it
        text = text.replaceFirst('(?m)(^[ \\t]*<!--[^\\n]*-->[ \\t]*\\r?\\n)?^[ \\t]*<' + Pattern.quote(key)
                + '>[^<]*</' + Pattern.quote(key) + '>[ \\t]*\\r?\\n', '')
        if (text != before) {
            changes << "property ${key}"
        }
    }
}

def managedPlugins = parent.build.pluginManagement.plugins.plugin.collect { it.artifactId.text() } as Set
if (managedPlugins.contains('image-maven-plugin')) {
    String before = text
    text = text.replaceFirst('(<artifactId>image-maven-plugin</artifactId>)\\s*<version>[^<]*</version>', '$1')
    if (text != before) {
        changes << 'image-maven-plugin version'
    }
}
managedPlugins.findAll { it != 'image-maven-plugin' }.each { artifactId ->
    String before = text
    text = text.replaceFirst('(?m)^[ \\t]*<plugin>\\s*<artifactId>' + Pattern.quote(artifactId)
            + '</artifactId>\\s*<version>[^<]*</version>\\s*</plugin>[ \\t]*\\r?\\n', '')
    if (text != before) {
        changes << "${artifactId} version"
    }
}
text = text.replaceFirst('(?m)^[ \\t]*<pluginManagement>\\s*<plugins>\\s*</plugins>\\s*</pluginManagement>[ \\t]*\\r?\\n', '')

def managedDependencies = parent.dependencyManagement.dependencies.dependency.collect { it.artifactId.text() } as Set
if (managedDependencies.contains('junit-jupiter') || managedDependencies.contains('junit-bom')) {
    String before = text
    text = text.replaceFirst('(<artifactId>junit-jupiter</artifactId>)\\s*<version>[^<]*</version>', '$1')
    if (text != before) {
        changes << 'junit-jupiter version'
    }
}

if (changes) {
    pom.write(text, 'UTF-8')
    println "[INFO] ${request.artifactId} takes from the parent ${parentPom.path}: ${changes.join(', ')}"
}
