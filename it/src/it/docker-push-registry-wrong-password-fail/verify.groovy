def reg = evaluate(new File(itSources, 'pushes.groovy'))

def log = new File(basedir, 'build.log').text
def name = "$registry/dockyard-it/docker-push-registry-wrong-password-fail"
def wrong = 'wrong-registry-secret-0815'

assert log.contains("[ERROR] Failed to execute goal dev.dockyard:image-maven-plugin:$projectVersion:push (image) on project docker-push-registry-wrong-password-fail: Could not push $name:1.0.0 to registry $registry: HTTP 401. The registry refused the credentials of settings.xml server 'it-registry-wrong': check that user's name and password (an encrypted password needs the master password of settings-security.xml).")
assert !log.contains('through the engine at')
// -X was on, and neither the password nor the Basic header that carries it is anywhere in the log
assert log.contains('[DEBUG] ')
assert !log.contains(wrong)
assert !log.contains("dockyard-it:$wrong".bytes.encodeBase64().toString())
assert !log.contains('Authorization')
// nothing was tagged: the registry does not know the repository
assert reg.tagsOrNone('dockyard-it/docker-push-registry-wrong-password-fail') == []
reg.remove(basedir)
