FROM alpine:3.21
RUN <<EOF
echo never closed
