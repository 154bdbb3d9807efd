FROM alpine:3.21
RUN echo hello
COPPY app /app
USER 1000
