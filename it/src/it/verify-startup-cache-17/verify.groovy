new File(basedir, 'build.log').text.with { assert it.contains('BUILD SUCCESS') }
