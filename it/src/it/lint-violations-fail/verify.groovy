def log = new File(basedir, 'build.log').text

def expected = [
    "[WARNING] Dockerfile:1:1 warning base-image-tag base image 'openjdk:latest' uses the latest tag: pin a version tag",
    "[WARNING] Dockerfile:1:1 warning healthcheck-missing final stage exposes a port but has no HEALTHCHECK: add HEALTHCHECK CMD [...] (or HEALTHCHECK NONE to opt out)",
    "[ERROR] Dockerfile:1:1 error user-root final stage has no USER and runs as root: add USER 65532:65532 (a numeric non-root UID)",
    "[ERROR] Dockerfile:2:1 error add-local ADD of local files: use COPY (ADD is for URLs and archives to unpack)",
    "[WARNING] Dockerfile:4:1 warning exec-form CMD uses the shell form: use the exec form CMD [\"java\", \"-jar\", \"/app.jar\"] so the process gets signals as PID 1",
    "[INFO] Linted 1 Dockerfile: 5 findings (2 errors, 3 warnings, 0 infos), 5 at or above failOn=warning",
]
def lines = log.readLines()
int at = lines.indexOf(expected[0])
assert at >= 0 : "first finding line missing from build.log"
assert lines.subList(at, at + expected.size()) == expected

// the failure lists every finding at or above the threshold, not only the first
assert log.contains('Dockerfile lint found 5 problems at or above failOn=warning:')
assert log.contains("  Dockerfile:2:1 error add-local ADD of local files: use COPY (ADD is for URLs and archives to unpack)")
assert log.contains("Fix them, silence one with '# dockyard ignore=RULE' on the line above it, or change <failOn>/image.failOn")
assert log.contains('BUILD FAILURE')
assert !log.contains('Exception in thread')

// reports are written before the build fails
assert new File(basedir, 'target/image-reports/lint.json').isFile()
return true
