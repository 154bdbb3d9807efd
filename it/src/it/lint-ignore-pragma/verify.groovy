def log = new File(basedir, 'build.log').text

assert log.contains('[INFO] Linted 1 Dockerfile: 0 findings (0 errors, 0 warnings, 0 infos), 0 at or above failOn=warning')
assert !log.contains('exec-form')
assert log.contains('BUILD SUCCESS')

def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/image-reports/lint.json'))
assert json.files == ['Dockerfile']
assert json.findings == []
return true
