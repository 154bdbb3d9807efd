// the ITs' small service in every module
['scratch', 'debian', 'jre', 'jre-volumes'].each { module ->
    def binding = new Binding([basedir: new File(basedir, module), itSources: itSources])
    new GroovyShell(binding).evaluate(new File(itSources, 'service.groovy'))
}
return true
