import java.nio.file.*

def log = new File(basedir, 'build.log').text

def files = { String module ->
    def root = basedir.toPath().resolve(module).resolve('target/docker')
    Files.walk(root).withCloseable { s ->
        s.filter { Files.isRegularFile(it) }.collect { root.relativize(it).toString() }.sort()
    }
}

assert log.contains("[INFO] Skipping image:dockerfile: packaging 'pom' has no image")
assert log.contains('[INFO] Skipping image:dockerfile (image.skip=true)')
assert !new File(basedir, 'target/docker').exists()
assert !new File(basedir, 'shop-common/target/docker').exists()

assert files('orders-service') == [
    '.dockerignore',
    'Dockerfile',
    'layers/application/orders-service-1.0.0-SNAPSHOT.jar',
    'layers/dependencies/slf4j-api-2.0.16.jar',
    'layers/dependencies/slf4j-simple-2.0.16.jar',
    'layers/modules/shop-common-1.0.0-SNAPSHOT.jar',
    'probe/dev/dockyard/image/probe/HealthProbe.class',
]
assert files('billing-service') == [
    '.dockerignore',
    'Dockerfile',
    'layers/application/billing-service-1.0.0-SNAPSHOT.jar',
    'probe/dev/dockyard/image/probe/HealthProbe.class',
]

assert log.contains('[INFO] Rendered target/docker/Dockerfile from bundled template java-service.ftl (runtime modules: java.base,jdk.httpserver)')
assert log.contains('[INFO] Staged build context target/docker: dependencies 2 files 85.1 kB, modules 1 file ')

def orders = new File(basedir, 'orders-service/target/docker/Dockerfile').text
assert orders.contains('''
COPY --chown=65532:65532 layers/dependencies/ /app/lib/
COPY --chown=65532:65532 layers/modules/ /app/modules/
COPY --chown=65532:65532 layers/application/ /app/app/
WORKDIR /app
USER 65532:65532
EXPOSE 8080
''')
assert orders.contains('ENTRYPOINT ["/opt/java/bin/java", "-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError", "-XX:MaxMetaspaceSize=66M", "-XX:ReservedCodeCacheSize=240M", "-XX:MaxDirectMemorySize=10M", "-Xss1M", "-cp", "/app/app/orders-service-1.0.0-SNAPSHOT.jar:/app/modules/shop-common-1.0.0-SNAPSHOT.jar:/app/lib/slf4j-api-2.0.16.jar:/app/lib/slf4j-simple-2.0.16.jar", "dev.dockyard.example.orders.OrdersService"]')
assert orders.contains('LABEL org.opencontainers.image.created="2026-01-01T00:00:00Z" \\')
assert orders.contains('      org.opencontainers.image.title="Orders service" \\')

def billing = new File(basedir, 'billing-service/target/docker/Dockerfile').text
assert billing.contains('EXPOSE 9090\n')
assert billing.contains('"http://127.0.0.1:9090/health"]')
assert billing.contains('"dev.dockyard.example.billing.BillingService"]')

// identical inputs: the staged jar of the library is the library's own jar, byte for byte
assert Files.mismatch(basedir.toPath().resolve('shop-common/target/shop-common-1.0.0-SNAPSHOT.jar'),
        basedir.toPath().resolve('orders-service/target/docker/layers/modules/shop-common-1.0.0-SNAPSHOT.jar')) == -1L
return true
