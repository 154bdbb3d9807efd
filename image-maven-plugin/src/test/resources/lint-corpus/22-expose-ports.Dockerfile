FROM haproxy:3.1.1-alpine
ARG ADMIN_PORT=9999
EXPOSE 80 443/tcp 8404/udp
EXPOSE 70000
EXPOSE 8000-8010/tcp 9000-8000
EXPOSE 53/dns
EXPOSE ${ADMIN_PORT}
USER haproxy
HEALTHCHECK CMD ["haproxy", "-c", "-f", "/usr/local/etc/haproxy/haproxy.cfg"]
