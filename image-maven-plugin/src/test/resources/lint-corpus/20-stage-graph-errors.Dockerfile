FROM alpine:3.21 AS tools
RUN apk add --no-cache jq=1.7.1-r0

FROM alpine:3.21 AS tools
COPY --from=builder /out /out
COPY --from=2 /out /other

FROM alpine:3.21 AS scratch
COPY --from=scratch /x /x
COPY --from=0 /usr/bin/jq /usr/bin/jq
COPY --from=nginx:1.27.3-alpine /etc/nginx/nginx.conf /etc/nginx/nginx.conf
USER 65534
