// both services run the ITs' small service
def service = evaluate(new File(itSources, 'service-copy.groovy'))
['inventory', 'orders'].each { service(new File(basedir, it)) }
return true
