def log = new File(basedir, 'build.log').text
def staged = evaluate(new File(itSources, 'staged.groovy'))

// the artifactId as Micronaut Launch writes it, made a valid default name
assert log.contains('[INFO] Image name mnhellorest: the artifactId MnHelloRest made a valid image name (set image.name to choose another)')
// the shaded jar alone
assert staged.layers() == [application: ['MnHelloRest-0.1.jar']] : staged.layers()
assert log.contains('[INFO] Layout of MnHelloRest: shaded jar: 39 of 39 dependencies are inside MnHelloRest-0.1.jar and are not staged again')
// every linked module with its first jar and class (image.explainModules)
def explained = staged.explained()
assert explained == [
    'java.base: always added: every runtime holds it',
    'java.logging: class reference: MnHelloRest-0.1.jar, io.netty.util.internal.logging.JdkLoggerFactory names java.util.logging.Logger',
    'java.management: class reference: MnHelloRest-0.1.jar, io.micronaut.management.endpoint.threads.ThreadDumpEndpoint names java.lang.management.ManagementFactory',
    'java.sql: class reference: MnHelloRest-0.1.jar, io.micronaut.management.health.indicator.jdbc.JdbcIndicator names java.sql.Connection',
    'java.transaction.xa: required by java.sql',
    'java.xml: class reference: MnHelloRest-0.1.jar, ch.qos.logback.core.joran.event.SaxEventRecorder names javax.xml.parsers.SAXParser',
    'jdk.crypto.ec: rule: MnHelloRest-0.1.jar, io.micronaut.http.server.netty.HttpPipelineBuilder\$QuicFactory: TLS is reachable (javax.net.ssl is used) on Java 17',
    'jdk.jfr: class reference: MnHelloRest-0.1.jar, io.micronaut.http.server.netty.handler.HttpRequestEvent names jdk.jfr.Event',
    'jdk.management: rule: MnHelloRest-0.1.jar, io.micronaut.management.endpoint.threads.ThreadDumpEndpoint: java.lang.management is used (platform MXBeans)',
    'jdk.unsupported: class reference: MnHelloRest-0.1.jar, io.netty.util.internal.PlatformDependent0\$5 names sun.misc.Unsafe',
    'jdk.zipfs: rule: MnHelloRest-0.1.jar, io.micronaut.core.io.IOUtils: FileSystems.newFileSystem is called (zip file systems)'
] : explained.join('\n')
staged.checkNoFileTwice()
staged.checkImage('mnhellorest', '0.1')
// the floor (java.base, java.management, java.xml, jdk.jfr, jdk.zipfs) starts and answers (its image:verify passed).
// Issue 24 wants at most 1.05 x the floor: met. The libraries shaded into the jar keep their module descriptors' say
// (the scan reads them from the jars Maven resolved): snakeyaml's and logback's require java.desktop and java.naming
// static, so snakeyaml's bean introspection and logback's JNDI selector no longer link them. What is left above the
// floor is small: java.sql for the JDBC health indicator, TLS for QUIC, the thread dump endpoint's jdk.management.
staged.checkFloor('mnhellorest:0.1', 'mnhellorest-floor:0.1')
return true
