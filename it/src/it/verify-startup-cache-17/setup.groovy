return evaluate(new File(itSources, 'spring-boot.groovy')).copySources()
