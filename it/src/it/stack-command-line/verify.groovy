def log = new File(basedir, 'build.log').text
def docker = evaluate(new File(itSources, 'docker.groovy'))
def lines = log.readLines()

// Inventory set no image name: its artifactId, made valid, said once (by image:dockerfile)
assert lines.count { it == '[INFO] Image name inventory: the artifactId Inventory made a valid image name (set image.name to choose another)' } == 1
assert log =~ /(?m)^\[INFO\] Built image \w+ \([^)]+\), tagged inventory:1\.0\.0(, |$)/

// verify and save, named on the command line, act on each module's image under its name
assert lines.any { it ==~ /\[INFO\] image:verify: all \d+ checks passed for inventory:1\.0\.0 \(.*/ }
assert lines.any { it ==~ /\[INFO\] image:verify: all \d+ checks passed for dockyard-it\/stack-command-line-orders:1\.0\.0 \(.*/ }
assert new File(basedir, 'Inventory/target/inventory-1.0.0.tar.gz').isFile()
assert new File(basedir, 'orders/target/stack-command-line-orders-1.0.0.tar.gz').isFile()
assert log =~ /(?m)^\[INFO\] Saved image \w+ to target\/inventory-1\.0\.0\.tar\.gz \(/

// compose found both services although no POM binds image:build: the command line runs it
assert log.contains('[INFO] Wrote target/compose.yaml with 2 services: Inventory, orders')
def compose = new File(basedir, 'target/compose.yaml').text
assert compose.contains('    image: "inventory:1.0.0"\n')
assert compose.contains('    image: "dockyard-it/stack-command-line-orders:1.0.0"\n')

// start and stop act once, in the last module, after both images are built
assert lines.count { it == "[INFO] image:start runs once, in the reactor's last module (orders), after every image is built" } == 2
def run = (log =~ /(?m)^\[INFO\] Starting 2 services in dependency order on network dockyard-(orders-[0-9a-f]{8}-[0-9a-f]{8}) \(label dev\.dockyard\.run=\1\): Inventory, orders$/)
assert run.find()
def runId = run.group(1)
def built = lines.findIndexOf { it ==~ /\[INFO\] Built image \w+ \([^)]+\), tagged dockyard-it\/stack-command-line-orders:1\.0\.0(, .*)?/ }
assert built >= 0 && built < lines.findIndexOf { it.startsWith('[INFO] Starting 2 services') }
assert log.contains('[INFO] image:start: 2 services healthy; image:stop removes them')
assert log =~ /(?m)^\[INFO\] Removed 2 containers and network dockyard-${runId} of orders-[0-9a-f]{8}$/
assert docker.leftovers(log).isEmpty()
assert log.contains('BUILD SUCCESS')
return true
