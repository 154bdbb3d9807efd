// a real saved image (the stand-in base), gzipped, then cut in the middle as an interrupted copy would
def target = new File(basedir, 'target')
target.mkdirs()
def saved = new File(target, 'whole.tar.gz')
def process = new ProcessBuilder('bash', '-c', 'docker save dockyard-test/base:17 | gzip -1 > "$0"', saved.path)
process.environment().put('DOCKER_HOST', dockerHost)
def started = process.redirectErrorStream(true).start()
def out = started.inputStream.text
assert started.waitFor() == 0 : out
def bytes = saved.bytes
new File(target, 'truncated.tar.gz').bytes = Arrays.copyOf(bytes, (int) (bytes.length / 2))
saved.delete()
return true
