def dockerfile = new File(basedir, 'target/docker/Dockerfile').text
assert dockerfile == '''FROM scratch
ARG APP_HOME=/srv
ENV PATH="${JAVA_HOME}/bin:$PATH" \\
    HOME=${APP_HOME:-/srv}
EXPOSE 8080
'''
return true
