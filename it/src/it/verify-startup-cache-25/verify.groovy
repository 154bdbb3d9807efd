return evaluate(new File(itSources, 'startup-cache.groovy'))('25', 'aot')
