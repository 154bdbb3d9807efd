FROM debian:bookworm-20241223-slim

RUN apt-get update \
    # toolchain for the native extension
    && apt-get install -y --no-install-recommends \
        libssl3=3.0.15-1~deb12u1 \

        zlib1g=1:1.2.13.dfsg-1 \
    # keep the image small
    && rm -rf /var/lib/apt/lists/*

run useradd -r -u 999 svc
user 999
from debian:bookworm-20241223-slim as unused
