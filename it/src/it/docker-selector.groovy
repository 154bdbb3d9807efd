// Selector of the cases that need a Docker engine (their selector.groovy evaluates this file): they run when
// it/docker-its.sh found an engine, and are reported as skipped when it found none and -Dimage.it.docker=skip
// was given (without that switch, the build has already failed before the invoker runs).
return dockerEnabled == 'true'
