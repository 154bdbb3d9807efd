def log = new File(basedir, 'build.log').text

assert log.contains('[ERROR] Failed to execute goal dev.dockyard:image-maven-plugin:' + projectVersion + ':build (image) on project engine-unreachable-fail: No Docker engine answers at unix:///nonexistent/docker.sock (from DOCKER_HOST): No such file or directory. Start Docker, point DOCKER_HOST at a running engine (e.g. DOCKER_HOST=unix:///var/run/docker.sock or tcp://host:2376 with DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH), or skip the image goals with -Dimage.skip. -> [Help 1]')
// one message, no stack trace from the plugin
assert !(log =~ /at dev\.dockyard\./)
assert !new File(basedir, 'target/docker/image-id').exists()
