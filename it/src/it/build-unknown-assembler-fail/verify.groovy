def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] Failed to execute goal dev.dockyard:image-maven-plugin:${projectVersion}:build (image) on project build-unknown-assembler: Invalid <assembler>/image.assembler: 'fast' is not an assembler: use auto (Dockyard assembles the final stage when it can) or engine (the engine builds every stage) -> [Help 1]")
assert !log.contains('\tat ')
return true
