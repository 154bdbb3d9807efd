def log = new File(basedir, 'build.log').text
def name = '127.0.0.1:1/dockyard-it/docker-push-registry-down-fail'

assert log.contains("[ERROR] Failed to execute goal dev.dockyard:image-maven-plugin:$projectVersion:push (image) on project docker-push-registry-down-fail: Could not push $name:1.0.0 to registry 127.0.0.1:1: The registry 127.0.0.1:1 is unreachable at https://127.0.0.1:1 (connection refused): check that it is running and that the registry part of image.name is right.")
// one error, said once, no stack trace without -e
assert log.count('[ERROR] Failed to execute goal') == 1
assert log.count('Could not push') == 1
assert !log.contains('\tat java.')
def id = new File(basedir, 'target/docker/image-id')
if (id.isFile()) {
    def reg = evaluate(new File(itSources, 'pushes.groovy'))
    reg.remove(basedir)
}
