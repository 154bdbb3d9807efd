def socket = System.properties.remove('dockyard.it.clash.socket')
def port = socket.localPort
socket.close()
def log = new File(basedir, 'build.log').text
def docker = evaluate(new File(itSources, 'docker.groovy'))

def run = (log =~ /(?m)^\[INFO\] Starting 1 service in dependency order on network dockyard-(stack-tests-[0-9a-f]{8}-[0-9a-f]{8}) \(label dev\.dockyard\.run=\1\): inventory$/)
assert run.find()
def runId = run.group(1)
def failure = (log =~ /(?m)^\[ERROR\] Failed to execute goal dev\.dockyard:image-maven-plugin:[^:]+:start \(stack\) on project stack-tests: Service inventory could not start: a host port it publishes \($port\) is already in use on the engine's host\. Stop what listens there, or publish on random host ports \(image\.start\.hostPorts=false\)\. The engine said: (.*)\. Nothing of the stack is left running\. -> \[Help 1\]$/)
assert failure.find()
assert failure.group(1).contains(":$port")
// the engine removed the container it could not start; the run's network goes too
assert log.contains("[INFO] Removed network dockyard-${runId} of this run")
assert docker.leftovers(log).isEmpty()
assert docker.run('network', 'ls', '-q', '--filter', "name=dockyard-${runId}").isEmpty()
return true
