// the services run the ITs' small service
['inventory'].each { module ->
    def target = new File(basedir, "$module/src/main/java/it/Service.java").toPath()
    java.nio.file.Files.createDirectories(target.parent)
    java.nio.file.Files.copy(new File(itSources, 'service/Service.java').toPath(), target,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING)
}
// hold a free port on 127.0.0.1 for the whole build; verify.groovy releases it
def socket = new ServerSocket(0, 50, InetAddress.getByName('127.0.0.1'))
System.properties.put('dockyard.it.clash.socket', socket)
new File(basedir, 'clash.properties').text = "image.port=${socket.localPort}\nimage.start.hostPorts=true\n"
return true
