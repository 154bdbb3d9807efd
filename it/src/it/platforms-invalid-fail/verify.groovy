def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] Failed to execute goal dev.dockyard:image-maven-plugin:${projectVersion}:build (image) on project platforms-invalid: Invalid <platforms>/image.platforms: 'linux' is not a platform: name each as os/architecture[/variant], comma-separated, e.g. image.platforms=linux/amd64,linux/arm64. -> [Help 1]".toString())
assert !log.contains('127.0.0.1:9')
assert !log.contains('\tat ')
return true
