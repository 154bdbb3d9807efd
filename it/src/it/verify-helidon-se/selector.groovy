// needs the Docker engine and a JDK of Java 21 or later for Helidon 4 (the one invoker.javaHome names)
if (!new File('/usr/lib/jvm/temurin-25-jdk-amd64/bin/java').canExecute()) {
    return false
}
return evaluate(new File(itSources, 'docker-selector.groovy'))
