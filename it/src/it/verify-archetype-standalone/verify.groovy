def service = new File(basedir, 'generated/orders-service')
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Project created from Archetype in dir: ' + service.canonicalPath)
assert log.contains('Tests run: 11, Failures: 0, Errors: 0, Skipped: 0')
assert new File(service, 'target/docker/Dockerfile').isFile()
return true
