// Selector of the multi-platform cases (their selector.groovy evaluates this file): they need the Docker engine and
// linux/arm64 under emulation with its stand-ins in the suite's registry (it/platforms.sh). Where arm64 cannot be had,
// they are reported as skipped, the reason said here, never silently.
if (dockerEnabled != 'true') {
    return false
}
if (arm64 != 'true') {
    println "[WARNING] ${basedir.name} skipped: linux/arm64 does not run here: $arm64Reason"
    return false
}
return true
