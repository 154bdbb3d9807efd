FROM alpine:3.21
RUN apk add --no-cache ca-certificates=20241121-r1 tzdata=2024b-r1
RUN addgroup -S -g 10001 app && adduser -S -u 10001 -G app app
COPY --chown=10001:10001 bin/agent /usr/local/bin/agent
USER 10001:10001
ENTRYPOINT ["/usr/local/bin/agent"]
