def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] Failed to execute goal dev.dockyard:image-maven-plugin:${projectVersion}:dockerfile (image) on project hostile-volume: image.volumes: '/data/../../etc' must be an absolute, normalized path (no '.' or '..' part, no trailing '/') of letters, digits, '.', '_', '-', '@' and '+', e.g. /data -> [Help 1]")
assert !log.contains('\tat ')
return true
