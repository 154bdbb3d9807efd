// the services run the ITs' small service
def service = evaluate(new File(itSources, 'service-copy.groovy'))
['inventory'].each { service(new File(basedir, it)) }
// hold a free port on 127.0.0.1 for the whole build; verify.groovy releases it
def socket = new ServerSocket(0, 50, InetAddress.getByName('127.0.0.1'))
System.properties.put('dockyard.it.clash.socket', socket)
new File(basedir, 'clash.properties').text = "image.port=${socket.localPort}\nimage.start.hostPorts=true\n"
return true
