// Copies the ITs' small service (service/Service.java) into an IT project; its SERVICE_MODE environment variable
// (the plugin's <env>) picks healthy, unhealthy or exit. Used from setup.groovy:
// evaluate(new File(itSources, 'service.groovy'))
// (service-copy.groovy puts it into a module of the case's reactor)
evaluate(new File(itSources, 'service-copy.groovy'))(basedir)
return true
