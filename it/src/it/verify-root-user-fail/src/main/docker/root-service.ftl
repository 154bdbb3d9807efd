[#ftl output_format="plainText"]
[#-- The bundled java-service template, then a last USER that switches back to root: what image:verify must
     catch on the built image. --]
[#include "java-service.ftl"]
USER root
