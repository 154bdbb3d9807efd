def log = new File(basedir, 'build.log').text
def archive = new File(basedir, 'target/truncated.tar.gz').canonicalPath

assert log.contains('[ERROR] Failed to execute goal dev.dockyard:image-maven-plugin:' + projectVersion + ':check (image) on project docker-check-truncated-archive-fail: ' + archive + ' is truncated or not a tar archive (')
assert log.contains('): save the image again (image:save or docker save) and copy it completely. -> [Help 1]')
assert !(log =~ /at dev\.dockyard\./)
