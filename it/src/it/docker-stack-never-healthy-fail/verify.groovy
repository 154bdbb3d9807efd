def log = new File(basedir, 'build.log').text
def docker = evaluate(new File(itSources, 'docker.groovy'))
def lines = log.readLines()

def run = (log =~ /(?m)^\[INFO\] Starting 2 services in dependency order on network dockyard-(stack-tests-[0-9a-f]{8}-[0-9a-f]{8}) \(label dev\.dockyard\.run=\1\): inventory, orders$/)
assert run.find()
def runId = run.group(1)
assert log.contains('[INFO] Starting inventory (dockyard-it/docker-stack-never-healthy-fail-inventory:1.0.0)')
// inventory's failure with its last log lines, then everything of the run removed; orders never started
def failure = lines.findIndexOf { it ==~ /\[ERROR\] inventory was reported unhealthy after [\d.]+s \(last health check: exit 1: http:\/\/127\.0\.0\.1:8080\/health -> 503\); its last log lines follow/ }
assert failure > 0
assert lines[failure + 1] == '[ERROR]   service listening on 8080 (unhealthy)'
assert lines[failure + 2] == '[ERROR]   health: database unavailable'
assert log.contains("[INFO] Removed 1 container and network dockyard-${runId} of this run")
assert !log.contains('Starting orders')
assert log =~ /\[ERROR\] Failed to execute goal dev\.dockyard:image-maven-plugin:[^:]+:start \(stack\) on project stack-tests: Service inventory was reported unhealthy after [\d.]+s \(last health check: exit 1: http:\/\/127\.0\.0\.1:8080\/health -> 503\) \(needed by orders\)\. Its last log lines are above; nothing of the stack is left running\. -> \[Help 1\]/
assert docker.leftovers(log).isEmpty()
assert docker.run('network', 'ls', '-q', '--filter', "name=dockyard-${runId}").isEmpty()
return true
