def log = new File(basedir, 'build.log').text

assert log.contains('on project build-missing-base-fail: Base image dockyard-test/absent:1 is not in the engine at ' + dockerHost + ' and image.pull=never: load or build it first (docker load, docker pull), or allow pulling with -Dimage.pull=missing. -> [Help 1]')
assert !log.contains('Step 1/')
assert !new File(basedir, 'target/docker/image-id').exists()
