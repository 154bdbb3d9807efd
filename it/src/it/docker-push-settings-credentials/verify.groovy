import groovy.json.JsonSlurper
import java.util.regex.Pattern

def log = new File(basedir, 'build.log').text
def reg = evaluate(new File(itSources, 'pushes.groovy'))
def name = "$registry/dockyard-it/docker-push-settings-credentials"

// the push runs in the deploy phase and names its credentials' source, never the secret
assert log.contains("[INFO] Pushing to $registry with the credentials of settings.xml server 'it-registry' (user dockyard-it)")
assert log =~ Pattern.compile('(?m)^\\[INFO\\] Pushed ' + Pattern.quote("$name:1.0.0") + ' \\(sha256:[0-9a-f]{64}\\)$')
assert !log.contains(reg.password)

def digest = new File(basedir, 'target/docker/image-digest').text.trim()
assert digest ==~ Pattern.compile(Pattern.quote(name) + '@sha256:[0-9a-f]{64}')
def report = new JsonSlurper().parse(new File(basedir, 'target/image-reports/image.json'))
assert report.repoDigest == digest
assert report.digest == digest.substring(digest.indexOf('@') + 1)
assert report.pushed.contains("$name:1.0.0".toString())
assert reg.tags('dockyard-it/docker-push-settings-credentials').contains('1.0.0')

// pull the tag back from the registry (after removing the local image) under another name: the same image
def id = new File(basedir, 'target/docker/image-id').text.trim()
reg.docker('image', 'rm', '--force', id)
reg.docker('pull', "$name:1.0.0")
reg.docker('tag', "$name:1.0.0", 'dockyard-it/pulled-back:1.0.0')
assert reg.docker('image', 'inspect', '--format', '{{.Id}}', 'dockyard-it/pulled-back:1.0.0') == [id]
reg.docker('image', 'rm', 'dockyard-it/pulled-back:1.0.0')
reg.remove(basedir)
