def log = new File(basedir, 'build.log').text
def staged = evaluate(new File(itSources, 'staged.groovy'))

assert log.contains('[INFO] Layout of javalin-hello: plain class path')
// every linked module with its first jar and class, then those left out (image.explainModules)
def explained = staged.explained()
assert explained == [
    'java.base: always added: every runtime holds it',
    'java.logging: required by java.security.sasl',
    'java.management: reflection rule: jetty-util-11.0.25.jar, org.eclipse.jetty.util.Uptime\$DefaultImpl: java.lang.management.ManagementFactory is loaded by name',
    'java.naming: class reference: jetty-util-11.0.25.jar, org.eclipse.jetty.util.ssl.X509 names javax.naming.ldap.LdapName',
    'java.security.sasl: required by java.naming',
    'jdk.crypto.ec: rule: jetty-server-11.0.25.jar, org.eclipse.jetty.server.SecureRequestCustomizer: TLS is reachable (javax.net.ssl is used) on Java 17',
    'jdk.zipfs: rule: javalin-6.7.0.jar, io.javalin.vue.VuePathMaster: FileSystems.newFileSystem is called (zip file systems)',
    'java.instrument: not linked: only classes nothing loads need it (class reference: jetty-webapp-11.0.25.jar, org.eclipse.jetty.webapp.WebAppClassLoader names java.lang.instrument.ClassFileTransformer)',
    'java.xml: not linked: only classes nothing loads need it (class reference: jetty-webapp-11.0.25.jar, org.eclipse.jetty.webapp.WebDescriptor\$1 names org.xml.sax.InputSource)'
] : explained.join('\n')
staged.checkNoFileTwice()
staged.checkImage('javalin-hello')
// the floor, java.base alone, starts and answers (its image:verify passed). Issue 24 wants at most 1.05 x the floor:
// met. Jetty's module descriptors require java.desktop, java.sql, java.security.jgss and jdk.management static
// (optional at run time), so its AWT leak preventer, SPNEGO login, database sessions and statistics do not link them;
// jetty-webapp (web.xml parsing: java.xml, its class loader's transformers: java.instrument) is on the class path but
// nothing Javalin runs loads it (only websocket-jetty-server's webapp Configuration provider names it, and nothing
// loads that service), so it links nothing and is said as not linked, above. X509 names (java.naming) and uptime
// (java.management, by name) are loadable and stay.
staged.checkFloor('javalin-hello:1.0.0', 'javalin-hello-floor:1.0.0')
return true
