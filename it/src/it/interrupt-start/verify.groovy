// image:start interrupted, in a nested build of this project (the invoker's own build only built the image)
def docker = evaluate(new File(itSources, 'docker.groovy'))
def nested = evaluate(new File(itSources, 'nested.groovy'))
def label = "label=dev.dockyard.project=${basedir.absolutePath}"
def containers = { docker.run('ps', '-a', '--no-trunc', '--filter', label, '--format', '{{.ID}}') }
def networks = { docker.run('network', 'ls', '--filter', label, '--format', '{{.Name}}') }
assert containers().isEmpty() && networks().isEmpty()

def start = nested.start(basedir, 'start-interrupted.log', "dev.dockyard:image-maven-plugin:$projectVersion:start")
def log = new File(basedir, 'start-interrupted.log')
nested.await('image:start starts the service', 240) {
    log.text.contains('[INFO] Starting interrupt-start (') && containers().size() == 1
}
def network = networks()
assert network.size() == 1
nested.signal(start, 'INT')
assert nested.exit(start, 60) == 130
def text = log.text
assert containers().isEmpty()
assert networks().isEmpty()
assert text.contains("[INFO] Removed 1 container and network ${network[0]} of the interrupted start")
assert nested.stackFrames(text).isEmpty()
assert !(text =~ /Exception|Error during callback/) : text
return true
