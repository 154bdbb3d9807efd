def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] Failed to execute goal dev.dockyard:image-maven-plugin:${projectVersion}:dockerfile (image) on project strict-port: Invalid <port>/image.port: 'http' is not a whole number from 1 to 65535 -> [Help 1]")
assert !log.contains('\tat ')
return true
