def log = new File(basedir, 'build.log').text
def staged = evaluate(new File(itSources, 'staged.groovy'))

assert log.contains('[INFO] Layout of helidon-quickstart-se: plain class path')
// every linked module with its first jar and class (image.explainModules)
def explained = staged.explained()
assert explained == [
    'java.base: always added: every runtime holds it',
    'java.logging: class reference: helidon-4.5.0.jar, io.helidon.Main\$KeepLoggingActiveHandler names java.util.logging.Handler',
    'java.management: class reference: helidon-common-configurable-4.5.0.jar, io.helidon.common.configurable.ThreadPool\$Event names java.lang.management.ManagementFactory',
    'jdk.management: rule: helidon-common-configurable-4.5.0.jar, io.helidon.common.configurable.ThreadPool\$Event: java.lang.management is used (platform MXBeans)',
    'jdk.zipfs: rule: helidon-metadata-4.5.0.jar, io.helidon.metadata.MetadataDiscoveryImpl: FileSystems.newFileSystem is called (zip file systems)'
] : explained.join('\n')
staged.checkNoFileTwice()
staged.checkImage('helidon-quickstart-se', '1.0-SNAPSHOT')
// the floor (java.base, java.logging, java.management) starts and answers (its image:verify passed). Issue 24 wants
// at most 1.05 x the floor: met. snakeyaml's module descriptor requires java.desktop static (optional at run time),
// so its bean introspection does not link it (helidon-config-yaml reads YAML without it); helidon-service-registry's
// and helidon-webserver-cors's descriptors require java.naming and java.net.http, but none of their classes names
// them (in a class or a string), so those requirements link nothing.
staged.checkFloor('helidon-quickstart-se:1.0-SNAPSHOT', 'helidon-quickstart-se-floor:1.0-SNAPSHOT')
return true
