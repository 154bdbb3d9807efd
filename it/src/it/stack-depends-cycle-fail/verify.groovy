def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] Failed to execute goal dev.dockyard:image-maven-plugin:${projectVersion}:start (default-cli)"
        + " on project stack-depends-cycle-fail: image.dependsOn forms a cycle: inventory -> pricing -> orders ->"
        + " inventory. A service cannot wait for one that waits for it; remove one of these dependencies. Modules in"
        + " the cycle: inventory, orders, pricing. -> [Help 1]")
assert log.count('image.dependsOn forms a cycle') == 1
assert !log.contains('Starting ')
assert !log.contains('\tat ')  // no stack trace
return true
