FROM debian:bookworm-20241223-slim
ADD https://example.com/releases/tool-1.2.3.tar.gz /opt/
ADD vendor/rootfs.tar.xz /
ADD config/ /etc/app/
ADD --chown=10001 --chmod=0755 scripts/entry.sh /entry.sh
ADD ["static files/", "/srv/static/"]
USER 10001
ENTRYPOINT ["/entry.sh"]
