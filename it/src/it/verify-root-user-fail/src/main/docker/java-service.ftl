[#ftl output_format="plainText"]
[#-- Module override of the bundled java-service template: one stage on the runtime base's own Java, and a
     Dockerfile that ends as root (what image:verify must catch). --]
FROM [=base.runtime]
COPY [=probe.source] [=probe.target]
[#list layers as layer]
COPY [=layer.source] [=layer.target]
[/#list]
[#if image.env?has_content]
ENV [#list image.env as name, value][=name]=[=quote(value)][#sep] [/#sep][/#list]
[/#if]
WORKDIR [=image.workdir]
EXPOSE [#list image.ports as port][=port][#sep] [/#sep][/#list]
HEALTHCHECK --interval=[=health.interval] --timeout=[=health.timeout] --start-period=[=health.startPeriod] --retries=[=health.retries] \
    CMD [=execForm(["java"] + probe.options + ["-cp", probe.target, probe.mainClass, health.url])]
ENTRYPOINT [=execForm(["java", "-cp", jvm.classpath?join(":"), jvm.mainClass])]
LABEL [#list image.labels as name, value][=name]=[=quote(value)][#sep] [/#sep][/#list]
USER root
