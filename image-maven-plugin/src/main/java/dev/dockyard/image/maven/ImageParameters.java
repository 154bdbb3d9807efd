package dev.dockyard.image.maven;

/**
 * The one table of the plugin's parameters: the user property of each ({@code -Dimage.port=8081}) and its default.
 * The mojos' {@code @Parameter} annotations, the stack's reading of every service module's settings
 * ({@link ReactorServices}) and the failure messages' hints all read it, so a default is written once. A unit test
 * compares the defaults the stack resolves with those of the generated {@code plugin.xml}.
 */
final class ImageParameters {

    // Every goal: the switch and the module's directories
    static final String SKIP = "image.skip";
    static final String SKIP_DEFAULT = "false";
    static final String OUTPUT_DIRECTORY = "image.outputDirectory";
    static final String OUTPUT_DIRECTORY_DEFAULT = "${project.build.directory}/docker";
    static final String REPORTS_DIRECTORY = "image.reportsDirectory";
    static final String REPORTS_DIRECTORY_DEFAULT = "${project.build.directory}/image-reports";
    static final String WORK_DIRECTORY = "image.workDirectory";
    static final String WORK_DIRECTORY_DEFAULT = "${project.build.directory}/image-work";

    // The image's name and tags (image:dockerfile, build, verify, save, push, check)
    static final String NAME = "image.name";
    static final String NAME_DEFAULT = "${project.artifactId}";
    static final String TAGS = "image.tags";
    static final String TAGS_DEFAULT = "${project.version}";
    static final String TAG_POLICY = "image.tagPolicy";
    static final String TAG_POLICY_DEFAULT = "version";
    static final String LATEST = "image.latest";
    static final String GIT_TAG = "image.gitTag";
    static final String GIT_TAG_DEFAULT = "true";

    // The service: what image:dockerfile renders and what the stack goals read from every service module
    static final String PORT = "image.port";
    static final String PORT_DEFAULT = "8080";
    static final String PORTS = "image.ports";
    static final String HEALTH_PATH = "image.healthPath";
    static final String HEALTH_PATH_DEFAULT = "/health";
    static final String HEALTH_PORT = "image.healthPort";
    static final String HEALTH_CHECK_INTERVAL = "image.healthCheckInterval";
    static final String HEALTH_CHECK_INTERVAL_DEFAULT = "10s";
    static final String HEALTH_CHECK_TIMEOUT = "image.healthCheckTimeout";
    static final String HEALTH_CHECK_TIMEOUT_DEFAULT = "3s";
    static final String HEALTH_CHECK_RETRIES = "image.healthCheckRetries";
    static final String HEALTH_CHECK_RETRIES_DEFAULT = "3";
    static final String HEALTH_CHECK_START_PERIOD = "image.healthCheckStartPeriod";
    static final String HEALTH_CHECK_START_PERIOD_DEFAULT = "20s";
    static final String USER = "image.user";
    static final String USER_DEFAULT = "65532:65532";
    static final String VOLUMES = "image.volumes";
    static final String DEPENDS_ON = "image.dependsOn";

    // Rendering (image:dockerfile)
    static final String TEMPLATE = "image.template";
    static final String TEMPLATE_DEFAULT = "java-service";
    static final String TEMPLATE_DIRECTORY = "image.templateDirectory";
    static final String MODULE_TEMPLATE_DIRECTORY = "image.moduleTemplateDirectory";
    static final String MODULE_TEMPLATE_DIRECTORY_DEFAULT = "${project.basedir}/src/main/docker";
    static final String MAIN_CLASS = "image.mainClass";
    static final String BUILDER_IMAGE = "image.builderImage";
    static final String RUNTIME_IMAGE = "image.runtimeImage";
    static final String WORKDIR = "image.workdir";
    static final String WORKDIR_DEFAULT = "/app";
    static final String JVM_OPTIONS = "image.jvmOptions";
    static final String ARGS = "image.args";
    static final String JLINK_MODULES = "image.jlinkModules";
    static final String ADDITIONAL_MODULES = "image.additionalModules";
    static final String EXPLAIN_MODULES = "image.explainModules";
    static final String LAYOUT = "image.layout";
    static final String LAYOUT_DEFAULT = "auto";
    static final String LOCALES = "image.locales";
    static final String RUNTIME = "image.runtime";
    static final String RUNTIME_DEFAULT = "module";
    static final String STARTUP_CACHE = "image.startupCache";
    static final String STARTUP_CACHE_DEFAULT = "none";
    static final String TRAINING_TIMEOUT = "image.startupCache.trainingTimeout";
    static final String TRAINING = "image.startupCache.training";
    static final String TRAINING_DEFAULT = "auto";
    static final String TRAINING_TIMEOUT_DEFAULT = "300s";
    static final String MEMORY_LIMIT = "image.memoryLimit";

    // Lint (image:lint, image:dockerfile)
    static final String FAIL_ON = "image.failOn";
    static final String FAIL_ON_DEFAULT = "warning";
    static final String LINT_SKIP = "image.lint.skip";
    static final String LINT_SKIP_DEFAULT = "false";
    static final String LINT_SEVERITIES = "image.lint.severities";
    static final String LINT_DISABLED_RULES = "image.lint.disabledRules";
    static final String LINT_ALLOWED_REGISTRIES = "image.lint.allowedRegistries";
    static final String LINT_DIGEST_PIN_SEVERITY = "image.lint.digestPinSeverity";
    static final String LINT_INCLUDES = "image.lint.includes";
    static final String LINT_EXCLUDES = "image.lint.excludes";

    // Build (image:build, image:save)
    static final String BUILD_ARGS = "image.buildArgs";
    static final String NO_CACHE = "image.noCache";
    static final String NO_CACHE_DEFAULT = "false";
    static final String PULL = "image.pull";
    static final String PULL_DEFAULT = "missing";
    static final String ASSEMBLER = "image.assembler";
    static final String ASSEMBLER_DEFAULT = "auto";

    // Checks (image:verify, image:check)
    static final String MAX_IMAGE_SIZE = "image.maxImageSize";
    static final String MAX_IMAGE_SIZE_DEFAULT = "150MB";
    static final String REQUIRED_LABELS = "image.requiredLabels";
    static final String REQUIRED_LABELS_DEFAULT = "org.opencontainers.image.title,org.opencontainers.image.version";
    static final String LIVE_CHECKS = "image.liveChecks";
    static final String LIVE_CHECKS_DEFAULT = "true";
    static final String ARCHIVE = "image.archive";
    static final String HEALTH_TIMEOUT = "image.healthTimeout";
    static final String HEALTH_TIMEOUT_DEFAULT = "60s";
    static final String ENGINE_TIMEOUT = "image.engineTimeout";
    static final String ENGINE_TIMEOUT_DEFAULT = "10m";
    static final String STOP_TIMEOUT = "image.stopTimeout";
    static final String STOP_TIMEOUT_DEFAULT = "10s";
    static final String LOG_LINES = "image.logLines";
    static final String LOG_LINES_DEFAULT = "30";

    // Save and push
    static final String SAVE_FILE = "image.saveFile";
    static final String ARCHIVE_FORMAT = "image.archiveFormat";
    static final String ARCHIVE_FORMAT_DEFAULT = "docker";
    static final String SAVE_LATEST = "image.saveLatest";
    static final String SAVE_LATEST_DEFAULT = "false";
    static final String SBOM_EMBED = "image.sbom.embed";
    static final String SBOM_EMBED_DEFAULT = "true";
    static final String ATTACH = "image.attach";
    static final String ATTACH_DEFAULT = "false";
    static final String PUSH_SKIP = "image.push.skip";
    static final String PUSH_SKIP_DEFAULT = "false";
    static final String REGISTRY_SERVER_ID = "image.registryServerId";
    static final String REGISTRY_USERNAME = "image.registryUsername";
    static final String REGISTRY_PASSWORD_ENV = "image.registryPasswordEnv";
    static final String REGISTRY_PASSWORD_FILE = "image.registryPasswordFile";
    static final String BUILDER = "image.builder";
    static final String BUILDER_DEFAULT = "engine";
    static final String BUILD_TO = "image.buildTo";
    static final String BUILD_TO_DEFAULT = "engine";
    static final String PLATFORMS = "image.platforms";
    static final String VERIFY_PLATFORMS = "image.verifyPlatforms";
    static final String REGISTRY_MIRROR = "image.registryMirror";
    static final String BASE_IMAGE_CACHE = "image.baseImageCache";
    static final String BASE_IMAGE_CACHE_DEFAULT = "${user.home}/.cache/dockyard";
    static final String PUSH_VIA = "image.pushVia";
    static final String PUSH_VIA_DEFAULT = "auto";
    static final String REGISTRY_CA_FILE = "image.registryCaFile";
    static final String INSECURE_REGISTRIES = "image.insecureRegistries";
    static final String REGISTRY_TIMEOUT = "image.registryTimeout";
    static final String REGISTRY_TIMEOUT_DEFAULT = "2m";

    // The stack (image:compose, image:start, image:stop)
    static final String COMPOSE_SKIP = "image.compose.skip";
    static final String COMPOSE_SKIP_DEFAULT = "false";
    static final String COMPOSE_FILE = "image.compose.file";
    static final String COMPOSE_FILE_DEFAULT = "${project.build.directory}/compose.yaml";
    static final String COMPOSE_EXTRA_FILE = "image.compose.extraFile";
    static final String COMPOSE_HOST_PORTS = "image.compose.hostPorts";
    static final String COMPOSE_HOST_PORTS_DEFAULT = "true";
    static final String COMPOSE_READ_ONLY = "image.compose.readOnly";
    static final String COMPOSE_READ_ONLY_DEFAULT = "true";
    static final String COMPOSE_TMPFS = "image.compose.tmpfs";
    static final String COMPOSE_TMPFS_DEFAULT = "true";
    static final String COMPOSE_CAP_DROP = "image.compose.capDrop";
    static final String COMPOSE_CAP_DROP_DEFAULT = "true";
    static final String COMPOSE_NO_NEW_PRIVILEGES = "image.compose.noNewPrivileges";
    static final String COMPOSE_NO_NEW_PRIVILEGES_DEFAULT = "true";
    static final String COMPOSE_USER = "image.compose.user";
    static final String COMPOSE_USER_DEFAULT = "true";
    static final String COMPOSE_RESTART = "image.compose.restart";
    static final String COMPOSE_RESTART_DEFAULT = "true";
    static final String START_SKIP = "image.start.skip";
    static final String START_SKIP_DEFAULT = "false";
    static final String START_SERVICES = "image.start.services";
    static final String START_HOST_PORTS = "image.start.hostPorts";
    static final String START_HOST_PORTS_DEFAULT = "false";
    static final String STOP_SKIP = "image.stop.skip";
    static final String STOP_SKIP_DEFAULT = "false";

    private ImageParameters() {}
}
