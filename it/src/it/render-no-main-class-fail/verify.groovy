def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] Failed to execute goal dev.dockyard:image-maven-plugin:${projectVersion}:dockerfile (image) on project no-main-class: No main class for no-main-class: the jar's manifest has no Main-Class and image.mainClass is not set. Set <mainClass> in the plugin configuration (or -Dimage.mainClass=com.example.Main), or skip this module with <skip>true</skip> (-Dimage.skip). -> [Help 1]")
assert !log.contains('\tat ')
return true
