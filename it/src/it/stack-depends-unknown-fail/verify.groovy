def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] Failed to execute goal dev.dockyard:image-maven-plugin:${projectVersion}:start (default-cli)"
        + " on project stack-depends-unknown-fail: image.dependsOn names unknown services: orders (orders/pom.xml)"
        + " depends on 'inventroy', which is not a module with an image in this reactor; web (web/pom.xml) depends on"
        + " 'payments', which is not a module with an image in this reactor. The reactor's services are: inventory,"
        + " orders, web. Use their artifactIds. -> [Help 1]")
// one message, before anything ran or any engine was asked
assert log.count('image.dependsOn names unknown services') == 1
assert !log.contains('Starting ')
assert !log.contains('\tat ')  // no stack trace
return true
