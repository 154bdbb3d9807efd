import java.util.regex.Pattern

def log = new File(basedir, 'build.log').text
def reg = evaluate(new File(itSources, 'pushes.groovy'))
def name = "$registry/dockyard-it/docker-push-password-file"

// -X was on, the password came from the file, and the push used it
assert log.contains('[DEBUG]')
assert log.contains("[INFO] Pushing to $registry with the credentials of image.registryUsername/image.registryPassword (user dockyard-it)")
assert log =~ Pattern.compile('(?m)^\\[INFO\\] Pushed ' + Pattern.quote("$name:1.0.0") + ' \\(sha256:[0-9a-f]{64}\\)$')
assert reg.tags('dockyard-it/docker-push-password-file').contains('1.0.0')

// the secret, and each way it is encoded on the wire, is nowhere: not in the log, not in any file below target/
def secrets = [reg.password,
               reg.password.bytes.encodeBase64().toString(),
               "${reg.user}:${reg.password}".bytes.encodeBase64().toString()]
secrets.each { assert !log.contains(it) }
new File(basedir, 'target').eachFileRecurse(groovy.io.FileType.FILES) { file ->
    def text = new String(file.bytes, 'ISO-8859-1')
    secrets.each { assert !text.contains(it) : "$file holds the secret" }
}
reg.remove(basedir)
return true
