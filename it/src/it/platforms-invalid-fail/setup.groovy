evaluate(new File(itSources, 'service.groovy'))
