def log = new File(basedir, 'build.log').text
assert log.contains('Invalid lint configuration: unknown lint rule id(s) [user-rot]; known ids: add-local, apk-no-cache,')
assert log.contains('BUILD FAILURE')
return true
