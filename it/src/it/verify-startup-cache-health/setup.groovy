// the ITs' small service (it.Service, healthy on /health); the builder under test is the eclipse-temurin:25-jdk
// stand-in of it/upstream-bases.sh
evaluate(new File(itSources, 'service.groovy'))
return true
