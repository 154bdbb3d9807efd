FROM ubuntu:22.04
RUN apt-get update && apt-get install curl git
RUN sudo apt-get install -y vim
RUN cd /opt && git clone https://github.com/example/tool.git
RUN curl -s https://example.com/data.json | jq .version > /version
USER root
