// both services run the ITs' small service
def service = evaluate(new File(itSources, 'service-copy.groovy'))
['Inventory', 'orders'].each { service(new File(basedir, it)) }
return true
