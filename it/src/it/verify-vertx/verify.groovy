def log = new File(basedir, 'build.log').text
def staged = evaluate(new File(itSources, 'staged.groovy'))

// the fat jar the shade plugin wrote beside the thin one, alone, started with java -jar for its Main-Verticle
assert log.contains("[INFO] Application jar of vertx-starter: target/vertx-starter-1.0.0-SNAPSHOT-fat.jar (maven-shade-plugin's outputFile), not the thin vertx-starter-1.0.0-SNAPSHOT.jar: the jar the shade plugin wrote is what the application runs\n")
assert log.contains("[INFO] Layout of vertx-starter: shaded jar: 19 of 19 dependencies are inside vertx-starter-1.0.0-SNAPSHOT-fat.jar and are not staged again; started with java -jar because of its manifest's Main-Verticle\n")
assert staged.layers() == [application: ['vertx-starter-1.0.0-SNAPSHOT-fat.jar']] : staged.layers()
staged.checkNoFileTwice()
def dockerfile = new File(basedir, 'target/docker/Dockerfile').text
assert dockerfile.contains('"-jar", "/app/app/vertx-starter-1.0.0-SNAPSHOT-fat.jar"]')
// every linked module with its first jar and class (image.explainModules)
def explained = staged.explained()
assert explained == [
    'java.base: always added: every runtime holds it',
    'java.compiler: class reference: vertx-starter-1.0.0-SNAPSHOT-fat.jar, io.vertx.core.impl.verticle.CustomJavaFileObject names javax.lang.model.element.NestingKind',
    'java.logging: class reference: vertx-starter-1.0.0-SNAPSHOT-fat.jar, io.vertx.core.logging.JULLogDelegateFactory names java.util.logging.LogManager',
    'java.management: reflection rule: vertx-starter-1.0.0-SNAPSHOT-fat.jar, io.netty.util.internal.PlatformDependent: java.lang.management.ManagementFactory is loaded by name',
    'java.naming: class reference: vertx-starter-1.0.0-SNAPSHOT-fat.jar, io.vertx.ext.auth.impl.CertificateHelper names javax.naming.InvalidNameException',
    'java.security.sasl: required by java.naming',
    'jdk.crypto.ec: rule: vertx-starter-1.0.0-SNAPSHOT-fat.jar, io.vertx.ext.web.impl.ServerWebSocketWrapper: TLS is reachable (javax.net.ssl is used) on Java 17',
    'jdk.naming.dns: rule: vertx-starter-1.0.0-SNAPSHOT-fat.jar, io.netty.resolver.dns.DirContextUtils: a JNDI dns: URL is used',
    'jdk.unsupported: class reference: vertx-starter-1.0.0-SNAPSHOT-fat.jar, io.netty.util.internal.PlatformDependent0\$6 names sun.misc.Unsafe'
] : explained.join('\n')
staged.checkImage('vertx-starter', '1.0.0-SNAPSHOT')
// the floor (java.base, java.logging: the launcher logs through java.util.logging) starts and answers (its
// image:verify passed). The image links what the service can load beyond it: Vert.x's compiler of Java source
// verticles (java.compiler), Netty's direct-memory probe (java.management) and Unsafe (jdk.unsupported), the DNS
// resolver (java.naming, jdk.naming.dns) and TLS (jdk.crypto.ec), listed above; it stays within 1.05 x the floor.
staged.checkFloor('vertx-starter:1.0.0-SNAPSHOT', 'vertx-starter-floor:1.0.0-SNAPSHOT')
return true
