def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Skipping image:lint (image.lint.skip=true)')
assert !log.contains('user-root')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/image-reports/lint.json').exists()
return true
