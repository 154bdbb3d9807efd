// needs the engine (its stand-in of eclipse-temurin:25-jdk is copied to the suite's registry) and Maven running on a
// JDK other than 25 (on 25, that JDK links the runtime and the build succeeds)
return evaluate(new File(itSources, 'docker-selector.groovy')) && Runtime.version().feature() != 25
