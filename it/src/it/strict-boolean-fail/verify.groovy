def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] Failed to execute goal dev.dockyard:image-maven-plugin:${projectVersion}:dockerfile (image) on project strict-boolean: Invalid <skip>/image.skip: 'yes' is neither true nor false -> [Help 1]")
assert !log.contains('\tat ')
return true
