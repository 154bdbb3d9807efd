[#ftl output_format="plainText"]
[#--
  Imported by java-service and java-service-debian: the shell commands that jlink the runtime into
  /rootfs<jvm.home> (or <into><jvm.home>). --strip-debug strips native debug symbols with objcopy (binutils); a builder without objcopy
  falls back to --strip-java-debug-attributes and says so in the build log. JDK 21 and later name the compression
  zip-6 (--compress=2 is deprecated there).
--]
[#macro commands into="/rootfs"]
set -eu; \
    strip=--strip-debug; \
    if ! command -v objcopy > /dev/null; then \
      strip=--strip-java-debug-attributes; \
      echo "[dockyard] the builder image has no objcopy (binutils): jlink uses --strip-java-debug-attributes instead of --strip-debug, native debug symbols stay"; \
    fi; \
    version="$(jlink --version)"; \
    compress=--compress=2; \
    if [ "${version%%[!0-9]*}" -ge 21 ]; then compress=--compress=zip-6; fi; \
    jlink --add-modules [=jvm.modules?join(",")][#if jvm.locales?has_content && !jvm.locales?seq_contains("*")] --include-locales=[=jvm.locales?join(",")][/#if] "$strip" --no-man-pages --no-header-files "$compress"[#if jvm.cds] --generate-cds-archive[/#if] \
        --output [=into][=jvm.home][#rt]
[/#macro]
