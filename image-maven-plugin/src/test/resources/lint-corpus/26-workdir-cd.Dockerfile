FROM golang:1.23.4-bookworm AS build
WORKDIR src
WORKDIR /go/src/app
ENV APP_HOME=/opt/app
WORKDIR $APP_HOME
WORKDIR ${APP_HOME}/bin
RUN cd /tmp && git clone https://example.com/lib.git && cd lib && make install

FROM debian:bookworm-20241223-slim
COPY --from=build /usr/local/bin/lib /usr/local/bin/lib
USER 65532
ENTRYPOINT ["/usr/local/bin/lib"]
