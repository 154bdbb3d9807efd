def log = new File(basedir, 'build.log').text
def staged = evaluate(new File(itSources, 'staged.groovy'))

assert log.contains('[INFO] Layout of verify-shaded: shaded jar: 3 of 3 dependencies are inside verify-shaded-1.0.0.jar and are not staged again')
// the layers exactly: the shaded jar alone (gson, its error_prone_annotations and commons-lang3 are inside it)
assert staged.layers() == [application: ['verify-shaded-1.0.0.jar']]
staged.checkNoFileTwice()
def dockerfile = new File(basedir, 'target/docker/Dockerfile').text
assert dockerfile.contains('"-cp", "/app/app/verify-shaded-1.0.0.jar", "it.shaded.Service"]')

staged.checkImage('dockyard-it/verify-shaded')
return true
