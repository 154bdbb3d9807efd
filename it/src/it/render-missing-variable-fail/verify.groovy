def log = new File(basedir, 'build.log').text
assert log.contains("""[ERROR] Failed to execute goal dev.dockyard:image-maven-plugin:${projectVersion}:dockerfile (image) on project missing-variable: src/main/docker/java-service.ftl:3:8: 'image.owner' is not defined in the data model. Use a name listed in the templates README, or give a default for an optional value: [=image.owner!""] or [#if image.owner??]…[/#if]. -> [Help 1]""")
assert !log.contains('freemarker.')
assert !log.contains('\tat ')
assert !new File(basedir, 'target/docker/Dockerfile').exists()
return true
