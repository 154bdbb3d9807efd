// both services run the ITs' small service
def service = evaluate(new File(itSources, 'service.groovy'))
['Inventory', 'orders'].each { service(new File(basedir, it)) }
return true
