ARG REGISTRY=registry.example.com
ARG BASE_TAG
ARG ALPINE=alpine:3.21

FROM ${REGISTRY}/base/jre:${BASE_TAG:-21} AS runtime-base
FROM $ALPINE AS fetch
RUN wget -q -O /tmp/tool https://example.com/tool

FROM ${MIRROR}/library/busybox:1.37 AS extra
FROM ${ALPINE_VARIANT:-alpine}:${ALPINE_TAG:-3.21} AS alt

FROM runtime-base
COPY --from=fetch /tmp/tool /usr/local/bin/tool
USER 10001:10001
ENTRYPOINT ["/usr/local/bin/tool"]
