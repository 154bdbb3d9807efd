// The JDK 25 builder image, in the suite's registry: the stand-in of eclipse-temurin:25-jdk the engine has
def reg = evaluate(new File(itSources, 'pushes.groovy'))
reg.skopeoCopy('eclipse-temurin:25-jdk', "$registry/dockyard-it/eclipse-temurin:25-jdk")

evaluate(new File(itSources, 'service.groovy'))
return true
