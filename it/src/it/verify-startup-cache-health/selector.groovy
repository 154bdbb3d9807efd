// needs the Docker engine: run when there is one, reported as skipped with -Dimage.it.docker=skip
return evaluate(new File(itSources, 'docker-selector.groovy'))
