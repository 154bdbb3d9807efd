def reg = evaluate(new File(itSources, 'pushes.groovy'))
def mvn = evaluate(new File(itSources, 'mvn.groovy'))
def log = new File(basedir, 'build.log').text
def lines = log.readLines()

['orders-service', 'billing-service'].each { service ->
    def name = "$registry/dockyard-it/shop-$service"
    // made here, pushed by the registry client, nothing for image:verify to do without an engine
    assert lines.contains("[INFO] Building image $name:1.0.0-SNAPSHOT with the earlier stages made on this machine, loaded into no engine".toString())
    assert lines.any { it.startsWith("[INFO] Pushed $name:1.0.0-SNAPSHOT (sha256:") }
    def id = new File(basedir, "$service/target/docker/image-id").text.trim()
    // pulled into the engine: the image built
    reg.docker('image', 'rm', '--force', id)
    reg.docker('pull', "$name:1.0.0-SNAPSHOT")
    assert reg.docker('image', 'inspect', '--format', '{{.Id}}', "$name:1.0.0-SNAPSHOT") == [id]
}
assert lines.count { it == '[INFO] Skipping image:verify: image.buildTo=registry put the image in no engine. Verify it where an engine has it: pull it, then run image:verify without image.buildTo.' } == 2
assert !lines.any { it.contains('shop-shop-common') }
assert !log.contains('127.0.0.1:9') && !log.contains(reg.password)

// image:verify where an engine has them: both pass every check
def verified = mvn('verify-pulled.log', "-Ddockyard.it.registry=$registry", 'image:verify')
['orders-service', 'billing-service'].each { service ->
    def name = "$registry/dockyard-it/shop-$service"
    assert verified.contains("[INFO] image:verify: all 9 checks passed for $name:1.0.0-SNAPSHOT (")
}
assert verified.contains('[INFO] BUILD SUCCESS')
['orders-service', 'billing-service'].each { reg.remove(new File(basedir, it)) }
return true
