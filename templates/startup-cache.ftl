[#ftl output_format="plainText"]
[#--
  Imported by the catalog's templates: the startup cache (image.startupCache). The stage `startup-cache` is the
  final stage up to its application layers (the template passes them as the macro's body), so that it runs the
  service once exactly as the image will: the same runtime, class path, JVM options, environment, work directory and
  user. The probe's training mode starts it with the options that write the archive (-XX:ArchiveClassesAtExit for
  AppCDS, -XX:AOTCacheOutput for the AOT cache), waits for the end point (Spring Boot's
  -Dspring.context.exit=onRefresh, else the health URL, then SIGTERM), and fails the build with the service's last
  log lines when the run fails or outlasts image.startupCache.trainingTimeout. Docker's layer cache keys that RUN on
  every layer before it and on its own command line, so the archive is trained again exactly when a class, a jar, a
  JVM option or the runtime changes. The final stage copies the archive in a layer of its own, after the
  application's.
--]
[#macro stage java]
[#if jvm.cache.kind != "none"]
FROM [=base.runtime] AS startup-cache
[#nested]
RUN [=execForm([java] + probe.options + ["-cp", probe.target, probe.mainClass] + jvm.cache.trainArgs + [java] + jvm.options + jvm.cache.trainOptions + jvm.launch + jvm.args)]

[/#if]
[/#macro]
[#macro copy]
[#if jvm.cache.kind != "none"]
COPY --from=startup-cache [=jvm.cache.training] [=jvm.cache.directory]
[/#if]
[/#macro]
