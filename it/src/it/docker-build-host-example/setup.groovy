// The example's modules, and the default builder image in the suite's registry (the engine's stand-in of
// eclipse-temurin:17-jdk, copied there with skopeo)
def reg = evaluate(new File(itSources, 'pushes.groovy'))
reg.skopeoCopy('eclipse-temurin:17-jdk', "$registry/dockyard-it/eclipse-temurin:17-jdk")
evaluate(new File(itSources, 'example.groovy'))
