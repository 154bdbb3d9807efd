evaluate(new File(itSources, 'service.groovy'))
// the CI secret, as a file mounted beside the checkout (test data: the suite registry's password)
new File(basedir, 'registry-password.txt').text = 'it-registry-secret-4711\n'
return true
