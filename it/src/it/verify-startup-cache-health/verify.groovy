// The AOT cache of a service trained until its health path answers, then SIGTERM
def log = new File(basedir, 'build.log').text
def docker = evaluate(new File(itSources, 'docker.groovy'))
def lines = new File(basedir, 'target/docker/Dockerfile').readLines()

// the training run asks the health path (not a Boot jar: no -Dspring.context.exit) and writes the AOT cache
def training = lines.find { it.startsWith('RUN ["/opt/java/bin/java", ') && it.contains('"--train"') }
assert training.contains('"--train", "300", "http://127.0.0.1:8080/health", "/tmp/dockyard-startup/app.aot", ')
assert training.contains('"-XX:AOTCacheOutput=/tmp/dockyard-startup/app.aot"')
assert !training.contains('spring.context.exit')

// trained in this build (or, the same inputs as an earlier run on this engine, from its build cache)
def logLines = log.readLines()
def step = logLines.findLastIndexOf { it.startsWith('[INFO] Step ') && it.contains('"--train"') }
assert step > 0 : 'the training step did not run on the engine'
assert log.contains('[INFO] [dockyard] startup cache trained: /tmp/dockyard-startup/app.aot') ||
        logLines[step + 1] == '[INFO]  ---> Using cache'
assert !log.contains('startup cache training failed')

// the JVM used it, under the memory limit
assert log =~ /\[INFO\] PASS startup-cache: cache used: the AOT cache gave the main class it\.Service and \d+ of \d+ classes the JVM loaded/
assert log.contains('[INFO] image:verify: all 10 checks passed for dockyard-it/verify-startup-cache-health:1.0.0 (')
assert docker.leftovers(log).isEmpty()
return true
