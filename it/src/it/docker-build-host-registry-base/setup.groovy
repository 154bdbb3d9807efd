// The builder image and the final stage's base, in the suite's registry: the stand-ins of eclipse-temurin:17-jdk and
// debian:bookworm-slim the engine has, copied there with skopeo
def reg = evaluate(new File(itSources, 'pushes.groovy'))
reg.skopeoCopy('eclipse-temurin:17-jdk', "$registry/dockyard-it/eclipse-temurin:17-jdk")
reg.skopeoCopy('debian:bookworm-slim', "$registry/dockyard-it/debian:bookworm-slim")

evaluate(new File(itSources, 'service.groovy'))
return true
