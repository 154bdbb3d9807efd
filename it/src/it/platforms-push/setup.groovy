// The example's modules (the builder image's index of both platforms is in the suite's registry already)
evaluate(new File(itSources, 'example.groovy'))
