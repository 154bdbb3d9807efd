return evaluate(new File(itSources, 'spring-boot.groovy')).verify('4')
