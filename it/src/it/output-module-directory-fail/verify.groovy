def log = new File(basedir, 'build.log').text
def dir = basedir.canonicalFile
assert log.contains("[ERROR] Failed to execute goal dev.dockyard:image-maven-plugin:${projectVersion}:dockerfile (image) on project output-module-directory: Invalid <outputDirectory>/image.outputDirectory: '${dir}' is the module's directory or above it: Dockyard replaces the content of its output directory on every build. Choose a directory of its own, e.g. target/docker (the default). -> [Help 1]")
assert new File(basedir, 'Dockerfile').text == 'FROM mine\n'
assert new File(basedir, '.dockerignore').text == 'mine\n'
assert new File(basedir, 'layers/notes.txt').text == 'keep me\n'
assert !log.contains('\tat ')
return true
