FROM [=base.runtime]
ARG APP_HOME=/srv
ENV PATH="${JAVA_HOME}/bin:$PATH" \
    HOME=${APP_HOME:-/srv}
[#if image.ports?has_content]
EXPOSE [=image.ports?first]
[/#if]
