// needs the Docker engine and arm64 emulation (it/platforms.sh register): reported as skipped, with the reason,
// where either is missing
return evaluate(new File(itSources, 'platforms-selector.groovy'))
