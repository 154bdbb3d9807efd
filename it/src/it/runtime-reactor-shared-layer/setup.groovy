// the ITs' small service in every module, beside the class that makes each module need other JDK modules
['plain', 'sql', 'http'].each { module ->
    def binding = new Binding([basedir: new File(basedir, module), itSources: itSources])
    new GroovyShell(binding).evaluate(new File(itSources, 'service.groovy'))
}
return true
