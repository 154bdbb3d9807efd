def log = new File(basedir, 'build.log').text
def reg = evaluate(new File(itSources, 'pushes.groovy'))

assert log.contains("[INFO] Pushing to $registry with the credentials of settings.xml server 'it-registry-encrypted' (user dockyard-it)")
assert log =~ /\[INFO\] Pushed \d+ tags? to /
assert !log.contains(reg.password)
assert reg.tags('dockyard-it/docker-push-encrypted-password').contains('1.0.0')
reg.remove(basedir)
