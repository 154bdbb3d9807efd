# syntax=docker/dockerfile:1.4
FROM debian:bookworm-20241223-slim
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends ca-certificates=20230311
rm -rf /var/lib/apt/lists/*
EOF
COPY <<-EOT /etc/app/config.yaml
	server:
	  port: 8080
	EOT
COPY <<'SCRIPT' /usr/local/bin/start.sh
#!/bin/sh
exec /usr/local/bin/app --config "$CONFIG"
SCRIPT
USER 65532:65532
ENTRYPOINT ["/usr/local/bin/start.sh"]
