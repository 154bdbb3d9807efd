return evaluate(new File(itSources, 'startup-cache.groovy'))('17', 'cds')
