import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def expected = [
    "[INFO] Dockerfile:3:1 info consecutive-run RUN follows the RUN at line 2: join them with && into one layer",
    "[ERROR] Dockerfile:3:1 error sudo RUN uses sudo: build steps already run as the current USER; switch with USER instead (sudo also leaves a setuid binary in the image)",
    "[WARNING] Dockerfile:4:1 warning user-numeric USER app is a name: use a numeric UID[:GID] (e.g. USER 65532:65532) so runtimes can verify the user is not root",
    "[ERROR] src/main/docker/Dockerfile.jobs:2:1 error workdir-absolute WORKDIR jobs is relative (it depends on the previous WORKDIR): use an absolute path such as /jobs",
    "[INFO] Linted 2 Dockerfiles: 4 findings (2 errors, 1 warning, 1 info), 0 at or above failOn=none",
]
def lines = log.readLines()
int at = lines.indexOf(expected[0])
assert at >= 0 : "first finding line missing from build.log"
assert lines.subList(at, at + expected.size()) == expected
assert log.contains('BUILD SUCCESS')
assert !log.contains('Dockerfile.ftl')

def reports = new File(basedir, 'target/image-reports')

// lint.json
def json = new JsonSlurper().parse(new File(reports, 'lint.json'))
assert json.failOn == 'none'
assert json.files == ['Dockerfile', 'src/main/docker/Dockerfile.jobs']
assert json.summary.total == 4 && json.summary.failing == 0
assert json.findings*.rule == ['consecutive-run', 'sudo', 'user-numeric', 'workdir-absolute']

// lint.sarif: the fields SARIF 2.1.0 requires, and what code-scanning tools read
def sarif = new JsonSlurper().parse(new File(reports, 'lint.sarif'))
assert sarif.version == '2.1.0'
assert sarif.'$schema'.contains('sarif-2.1.0')
assert sarif.runs.size() == 1
def driver = sarif.runs[0].tool.driver
assert driver.name == 'dockyard'
assert driver.rules.size() >= 30
assert driver.rules.every { it.id && it.shortDescription.text }
def results = sarif.runs[0].results
assert results.size() == 4
results.each { r ->
    assert r.ruleId && r.message.text
    assert r.level in ['error', 'warning', 'note']
    assert driver.rules[r.ruleIndex].id == r.ruleId
    def loc = r.locations[0].physicalLocation
    assert loc.artifactLocation.uri in json.files
    assert loc.region.startLine >= 1 && loc.region.startColumn >= 1
}
assert results[1].ruleId == 'sudo' && results[1].level == 'error'
assert results[1].locations[0].physicalLocation.region.startLine == 3

// JUnit XML: well-formed (a strict parser reads it), one test case per rule and file, no failures below the threshold
def doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(reports, 'TEST-dockyard-lint.xml'))
def suite = doc.documentElement
assert suite.tagName == 'testsuite'
def cases = suite.getElementsByTagName('testcase')
assert cases.length == 2 * driver.rules.size()
assert suite.getAttribute('tests') as int == 2 * driver.rules.size()
assert suite.getAttribute('failures') == '0'
assert suite.getElementsByTagName('failure').length == 0
def sudoCase = (0..<cases.length).collect { cases.item(it) }
        .find { it.getAttribute('classname') == 'Dockerfile' && it.getAttribute('name') == 'sudo' }
assert sudoCase.textContent.contains('Dockerfile:3:1 error sudo')
return true
