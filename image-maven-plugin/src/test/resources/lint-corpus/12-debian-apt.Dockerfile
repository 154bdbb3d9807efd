FROM debian:bookworm-20241223-slim
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates=20230311 curl=7.88.1-10+deb12u8 \
 && curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/example.gpg \
 && rm -rf /var/lib/apt/lists/*
RUN groupadd --gid 10001 svc && useradd --no-log-init --uid 10001 --gid svc svc
USER svc
CMD ["/usr/bin/svc"]
