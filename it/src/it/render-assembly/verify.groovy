def log = new File(basedir, 'build.log').text
def lines = log.readLines()

def layers = { String module ->
    def root = new File(basedir, "$module/target/docker/layers")
    root.listFiles().sort { it.name }.collectEntries { [(it.name): (it.list() as List).sort()] }
}

// attached (appendAssemblyId=true, the default): the thin jar and its dependencies, each in its layer; the attached
// uber jar is named in the layout line as not used
assert lines.contains('[INFO] Layout of attached: plain class path; attached-1.0.0-jar-with-dependencies.jar'
        + ' (attached by maven-assembly-plugin) is not used: the thin jar and its dependencies are staged in their own'
        + ' layers, so a code change rebuilds only the application layer')
assert new File(basedir, 'attached/target/attached-1.0.0-jar-with-dependencies.jar').isFile()
def attached = layers('attached')
assert attached.keySet() as List == ['application', 'dependencies']
assert attached.application == ['attached-1.0.0.jar']
assert attached.dependencies.size() == 3
assert attached.dependencies.containsAll(['commons-lang3-3.20.0.jar', 'gson-2.13.2.jar'])
assert attached.dependencies.any { it.startsWith('error_prone_annotations-') }
assert new File(basedir, 'attached/target/docker/Dockerfile').text
        .contains('"-cp", "/app/app/attached-1.0.0.jar:/app/lib/gson-2.13.2.jar:')

// replacing (appendAssemblyId=false): the module's jar is the uber jar, staged alone
assert lines.contains('[INFO] Layout of replacing: shaded jar: 3 of 3 dependencies are inside replacing-1.0.0.jar'
        + ' and are not staged again')
assert layers('replacing') == [application: ['replacing-1.0.0.jar']]
assert new File(basedir, 'replacing/target/docker/Dockerfile').text
        .contains('"-cp", "/app/app/replacing-1.0.0.jar", "it.assembly.replacing.Service"]')

assert !log.contains('[WARNING] replacing-1.0.0.jar holds the classes')
return true
