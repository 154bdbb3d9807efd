import groovy.json.JsonOutput

def reg = evaluate(new File(itSources, 'pushes.groovy'))

def log = new File(basedir, 'build.log').text
def name = "$registry/dockyard-it/docker-push-wrong-password-fail"
def wrong = 'wrong-registry-secret-0815'

assert log.contains("[ERROR] Failed to execute goal dev.dockyard:image-maven-plugin:$projectVersion:push (image) on project docker-push-wrong-password-fail: Could not push $name:1.0.0 to registry $registry: ")
assert log.contains("The registry refused the credentials of settings.xml server 'it-registry-wrong': check that user's name and password (an encrypted password needs the master password of settings-security.xml).")
// -X was on, and neither the password nor the header that carries it to the engine is anywhere in the log
assert log.contains('[DEBUG] ')
assert !log.contains(wrong)
def header = JsonOutput.toJson(new TreeMap([username: 'dockyard-it', password: wrong, serveraddress: registry]))
assert !log.contains(header.bytes.encodeBase64Url().toString())
assert !log.contains(header.bytes.encodeBase64().toString())
// (-X also prints the exception's stack trace, as Maven does for every failure in debug mode)
assert !log.contains('X-Registry-Auth')
// nothing was tagged: the registry does not know the repository
assert reg.tagsOrNone('dockyard-it/docker-push-wrong-password-fail') == []
reg.remove(basedir)
