// image:verify interrupted twice, in nested builds of this project (the invoker's own build only built the image)
def docker = evaluate(new File(itSources, 'docker.groovy'))
def nested = evaluate(new File(itSources, 'nested.groovy'))
def project = basedir.absolutePath
def containers = { docker.run('ps', '-a', '--no-trunc', '--filter', "label=dev.dockyard.verify=$project", '--format', '{{.ID}}') }
def verify = "dev.dockyard:image-maven-plugin:$projectVersion:verify"
assert containers().isEmpty()

// 1. killed outright (no hook runs): its container is left
def killed = nested.start(basedir, 'verify-killed.log', verify)
nested.await('the first image:verify starts its container', 240) { containers().size() == 1 }
def left = containers()
nested.signal(killed, 'KILL')
assert nested.exit(killed, 60) == 137
assert containers() == left

// 2. the next image:verify removes it before it starts its own; interrupted by SIGINT (Ctrl-C), its hook removes that
def interrupted = nested.start(basedir, 'verify-interrupted.log', verify)
def log = new File(basedir, 'verify-interrupted.log')
nested.await('the second image:verify starts its container', 240) {
    log.text.contains('[INFO] Starting a container of ') && containers().size() == 1 && containers() != left
}
assert log.text.contains("[INFO] Removed 1 container left by an interrupted image:verify of $project")
nested.signal(interrupted, 'INT')
assert nested.exit(interrupted, 60) == 130
def text = log.text
assert containers().isEmpty()
assert text.contains('[INFO] Removed 1 container of the interrupted image:verify')
assert nested.stackFrames(text).isEmpty()
assert !(text =~ /Exception|Error during callback/) : text
return true
