// The builder image, in the suite's registry: the stand-in of eclipse-temurin:17-jdk the engine has, copied there
// with skopeo (the build reads it through the registry client) and tagged with that name in the engine (the engine
// build of the same project, which the verify script runs, finds it there)
def reg = evaluate(new File(itSources, 'pushes.groovy'))
def builder = "$registry/dockyard-it/eclipse-temurin:17-jdk"
reg.skopeoCopy('eclipse-temurin:17-jdk', builder)
reg.docker('tag', 'eclipse-temurin:17-jdk', builder)

evaluate(new File(itSources, 'service.groovy'))
return true
