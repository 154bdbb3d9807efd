// the ITs' small service; the builder under test is the eclipse-temurin:17-jre stand-in of it/upstream-bases.sh
evaluate(new File(itSources, 'service.groovy'))
return true
