import java.time.Duration
import java.time.OffsetDateTime

def log = new File(basedir, 'build.log').text
def docker = evaluate(new File(itSources, 'docker.groovy'))
def lines = log.readLines()

// the start, in dependency order: inventory healthy before orders starts
def run = (log =~ /(?m)^\[INFO\] Starting 2 services in dependency order on network dockyard-(stack-tests-[0-9a-f]{8}-[0-9a-f]{8}) \(label dev\.dockyard\.run=\1\): inventory, orders$/)
assert run.find()
def runId = run.group(1)
def index = { String pattern -> def i = lines.findIndexOf { it ==~ pattern }; assert i >= 0 : pattern; i }
def startInventory = index(/\[INFO\] Starting inventory \(dockyard-it\/stack-inventory:1\.0\.0\)/)
def inventoryHealthy = index(/\[INFO\] inventory is healthy after [\d.]+s( \(GET \/health answered 200; the image's HEALTHCHECK passed when run at once\))?, port 8080 on (localhost|127\.0\.0\.1):\d+/)
def startOrders = index(/\[INFO\] Starting orders \(dockyard-it\/stack-orders:1\.0\.0\), after inventory/)
def ordersHealthy = index(/\[INFO\] orders is healthy after [\d.]+s( \(GET \/health answered 200; the image's HEALTHCHECK passed when run at once\))?, port 8080 on (localhost|127\.0\.0\.1):\d+/)
assert startInventory < inventoryHealthy && inventoryHealthy < startOrders && startOrders < ordersHealthy

// the properties failsafe read, and the IT against the live stack
def ports = ['inventory', 'orders'].collectEntries { service ->
    def set = (log =~ /(?m)^\[INFO\] Set image\.${service}\.host=(localhost|127\.0\.0\.1), image\.${service}\.port=(\d+), image\.${service}\.port\.8080=(\d+)$/)
    assert set.find() : service
    assert set.group(2) == set.group(3)
    [(service): set.group(2)]
}
assert ports.inventory != ports.orders
assert log.contains('[INFO] image:start: 2 services healthy; image:stop removes them')
assert log.contains('StackIT: orders answered 200')
assert log.contains('StackIT: inventory answered 200')
assert log =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [\d.]+ s -- in it\.StackIT/

// the containers as the engine ran them, read during the ITs: hardened, and orders started after inventory had
// been running for at least one health check interval (1s)
def containers = new File(basedir, 'stack-tests/target/containers.txt').readLines().collectEntries {
    def (service, started, readOnly, capDrop, securityOpt, user) = it.split(' ', 6)
    [(service): [started: OffsetDateTime.parse(started), rest: "$readOnly $capDrop $securityOpt $user"]]
}
assert containers.keySet() == ['inventory', 'orders'] as Set
containers.values().each { assert it.rest == 'true [ALL] [no-new-privileges:true] 65532:65532' }
// orders was started only once inventory was healthy: at least the time inventory took (rounded to 0.1s) later
def inventoryTook = (lines[inventoryHealthy] =~ /healthy after ([\d.]+)s/)[0][1] as BigDecimal
assert Duration.between(containers.inventory.started, containers.orders.started).toMillis() >= inventoryTook * 1000 - 100

// stop removed both containers and the network; nothing carries the run's label
assert log =~ /(?m)^\[INFO\] Removed 2 containers and network dockyard-${runId} of stack-tests-[0-9a-f]{8}$/
assert docker.leftovers(log).isEmpty()
assert docker.run('network', 'ls', '-q', '--filter', "name=dockyard-${runId}").isEmpty()
assert log.contains('BUILD SUCCESS')
return true
