FROM rockylinux:9.3
RUN useradd -u 1234567 builder
RUN useradd -l -u 7654321 runner
RUN useradd --uid 2000 small
USER runner
ENTRYPOINT ["/bin/bash"]
