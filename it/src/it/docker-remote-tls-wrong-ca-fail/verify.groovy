def log = new File(basedir, 'build.log').text
def wrongCa = new File(basedir, '../../remote-engine/wrong-ca').canonicalPath

assert log =~ ('\\[ERROR\\] Failed to execute goal dev\\.dockyard:image-maven-plugin:' + java.util.regex.Pattern.quote(projectVersion)
        + ':build \\(image\\) on project docker-remote-tls-wrong-ca-fail: The TLS handshake with the Docker engine at tcp://127\\.0\\.0\\.1:\\d+ \\(from DOCKER_HOST\\) failed: unable to find valid certification path to requested target\\. Check that '
        + java.util.regex.Pattern.quote(wrongCa) + '/ca\\.pem is the CA that signed the engine\'s certificate, and that cert\\.pem and key\\.pem there are a client certificate the engine\'s --tlscacert trusts \\(DOCKER_TLS_VERIFY=1, DOCKER_CERT_PATH\\)\\. -> \\[Help 1\\]')
assert !(log =~ /at dev\.dockyard\./)
assert !new File(basedir, 'target/docker/image-id').exists()
