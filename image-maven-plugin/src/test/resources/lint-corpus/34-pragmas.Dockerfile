# hadolint global ignore=DL3059
# dockyard global ignore=base-image-digest
FROM debian:bookworm-20241223-slim
# dockyard ignore=apt-pinned,apt-no-recommends
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
# hadolint ignore=DL3003
RUN cd /opt && tar xf /tmp/x.tar
RUN cd /srv && ls
RUN true
USER 65532
ENTRYPOINT ["/usr/bin/curl"]
