evaluate(new File(itSources, 'example.groovy'))
