def log = new File(basedir, 'build.log').text
def staged = evaluate(new File(itSources, 'staged.groovy'))

assert log.contains("[INFO] Application jar of verify-shaded-outputfile: target/verify-shaded-outputfile-1.0.0-fat.jar (maven-shade-plugin's outputFile), not the thin verify-shaded-outputfile-1.0.0.jar: the jar the shade plugin wrote is what the application runs")
assert log.contains("[INFO] Layout of verify-shaded-outputfile: shaded jar: 3 of 3 dependencies are inside verify-shaded-outputfile-1.0.0-fat.jar and are not staged again; started with java -jar because of its manifest's Main-Verticle\n")
// the fat jar alone: neither the thin jar nor the dependencies it holds
assert staged.layers() == [application: ['verify-shaded-outputfile-1.0.0-fat.jar']]
staged.checkNoFileTwice()
def dockerfile = new File(basedir, 'target/docker/Dockerfile').text
// Main-Verticle in the manifest: started as java -jar, so a launcher reading the jar's own manifest finds it
assert dockerfile.contains('"-jar", "/app/app/verify-shaded-outputfile-1.0.0-fat.jar", "--mode", "fat"]')

staged.checkImage('dockyard-it/verify-shaded-outputfile')
return true
