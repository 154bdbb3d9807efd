[#ftl output_format="plainText"]
[#--
  Imported by java-service and java-service-debian: the shell commands that jlink the runtime into
  /rootfs<jvm.home> (or <into><jvm.home>). --strip-debug strips native debug symbols with objcopy (binutils); a builder without objcopy
  falls back to --strip-java-debug-attributes and says so in the build log; a builder without jlink (a JRE image, or
  none with Java) ends the build with one [dockyard] line naming the image. JDK 21 and later name the compression
  zip-6 (--compress=2 is deprecated there).
--]
[#macro commands into="/rootfs"]
set -eu; \
    if ! command -v jlink > /dev/null; then \
      echo "[dockyard] the builder image "[=sh(base.builder)]" has no jlink (a JRE, or no Java at all): use a JDK image as image.builderImage"; \
      exit 1; \
    fi; \
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
