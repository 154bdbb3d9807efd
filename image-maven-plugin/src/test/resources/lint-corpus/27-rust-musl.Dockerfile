FROM rust:1.83.0-alpine3.21 AS build
RUN apk add --no-cache musl-dev=1.2.5-r8
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
RUN mkdir src && echo 'fn main() {}' > src/main.rs && cargo fetch
COPY src ./src
RUN cargo build --release --locked

FROM alpine:3.21.0@sha256:21dc6063fd678b478f57c0e13f47560d0ea4eeba26dfc947b2a4f81f686b9f45
RUN apk add --no-cache ca-certificates=20241121-r1
COPY --from=build /src/target/release/api /usr/local/bin/api
USER 10001:10001
EXPOSE 8080
HEALTHCHECK CMD ["/usr/local/bin/api", "--health"]
ENTRYPOINT ["/usr/local/bin/api"]
