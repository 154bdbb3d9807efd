// The amd64 stand-in of eclipse-temurin:17-jdk alone, in the suite's registry (a single image, not an index)
def reg = evaluate(new File(itSources, 'pushes.groovy'))
reg.skopeoCopy('eclipse-temurin:17-jdk', "$registry/dockyard-it/eclipse-temurin:17-jdk")

evaluate(new File(itSources, 'service.groovy'))
return true
