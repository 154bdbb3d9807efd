FROM alpine
RUN apk update && apk add curl bash
RUN apk add --virtual .build-deps build-base=0.5-r3 && make && apk del .build-deps
RUN curl -sSL https://example.com/install.sh | sh
ENTRYPOINT /usr/local/bin/tool
