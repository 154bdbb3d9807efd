package dev.dockyard.image.host;

import static dev.dockyard.image.support.CoreException.mention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockyard.image.assemble.StageSource;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.engine.EngineLog;
import dev.dockyard.image.engine.ImageBuildException;
import dev.dockyard.image.registry.ImagePull;
import dev.dockyard.image.support.Sha256;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The earlier stages of the bundled template {@code java-service}, made on this machine instead of on an engine:
 * jlink of a JDK here (the toolchain's, of the builder image's release), and the files the template's shell steps
 * copy from the builder image (its shared libraries, found from the ELF files' needed entries; their dpkg stanzas;
 * {@code /etc/os-release}), read from the builder image's layers pulled through the registry client. The files, their
 * modes and owners are those the engine's build of the same template gives with the same JDK build, so the assembled
 * image is the same.
 */
public final class HostStages implements StageSource {

    /** The JDK of a Java release, whose jlink links the runtime. */
    public interface Jdks {
        Path jdk(int feature) throws ImageBuildException;
    }

    /** Reads an image from its registry for a platform. */
    public interface Registry {
        ImagePull.Pulled pull(String reference, String platform) throws EngineException, IOException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern GLIBC = Pattern.compile("release version 2\\.([0-9]+)");
    private static final String STAGE_PREFIX = "host:";
    private static final int UMASK = 022;
    private static final long JLINK_MINUTES = 10;

    private final HostRecipe recipe;
    private final Jdks jdks;
    private Path jdk;
    private final Registry registry;
    private final Path cache;
    private final Path workDirectory;
    private final EngineLog log;
    private final String platform;
    private final Map<String, ImagePull.Pulled> pulled = new HashMap<>();
    private final Map<String, Map<String, Item>> stages = new HashMap<>();
    private final List<Path> temporary = new ArrayList<>();
    private ImageFilesystem builder;
    private JsonNode builderConfig;
    private String builderId;

    /** One file of a stage: type ({@code d}, {@code f}, {@code l}), mode, link target, bytes (a file or text). */
    private record Item(char type, int mode, String link, Path file, byte[] bytes) {

        static Item directory(int mode) {
            return new Item('d', mode, null, null, null);
        }
    }

    /**
     * @param recipe        what the stages make, as the render wrote it
     * @param jdks          the JDK whose jlink links the runtime, for the builder image's Java release
     * @param registry      where the builder image (and a base image) are read from
     * @param cache         where pulled blobs and unpacked builder images are kept between builds
     * @param workDirectory the module's work directory (the linked runtime is kept there)
     */
    public HostStages(HostRecipe recipe, Jdks jdks, Registry registry, Path cache, Path workDirectory, EngineLog log) {
        this(recipe, hostPlatform(), jdks, registry, cache, workDirectory, log);
    }

    /**
     * Stages for {@code platform}: the builder image is read for it, and when it is not this machine's, jlink here
     * links that platform's runtime from the jmods of the builder image (jlink itself is Java; the native code it
     * copies comes from the target's jmods).
     *
     * @param platform {@code os/architecture}, as images name theirs
     */
    public HostStages(
            HostRecipe recipe,
            String platform,
            Jdks jdks,
            Registry registry,
            Path cache,
            Path workDirectory,
            EngineLog log) {
        this.recipe = recipe;
        this.jdks = jdks;
        this.registry = registry;
        this.cache = cache;
        this.workDirectory = workDirectory;
        this.log = log;
        this.platform = platform;
    }

    /** This machine's platform, as images name theirs. */
    public static String hostPlatform() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String name = switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "ppc64le" -> "ppc64le";
            case "s390x" -> "s390x";
            default -> arch;
        };
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux") ? "linux" : "other";
        return os + "/" + name;
    }

    /**
     * Checks what a host build needs before anything is made: a Linux machine, the bundled template, no training
     * run.
     *
     * @throws ImageBuildException naming what to configure
     */
    public static void check(HostRecipe recipe) throws ImageBuildException {
        String fix = " Use " + mention("builder") + "=engine.";
        if (!hostPlatform().startsWith("linux/")) {
            throw new ImageBuildException(mention("builder") + "=host links the runtime with a JDK of this machine,"
                    + " which must run Linux to give a Linux runtime (this one runs "
                    + System.getProperty("os.name") + ")." + fix);
        }
        checkStages(recipe, mention("builder") + "=host", fix);
    }

    /**
     * Checks what a build for several platforms ({@code image.platforms}) needs before anything is made: the bundled
     * template, no training run. (Any machine links another platform's runtime from that platform's jmods.)
     *
     * @throws ImageBuildException naming what to configure
     */
    public static void checkPlatforms(HostRecipe recipe) throws ImageBuildException {
        checkStages(
                recipe,
                "An image for several platforms (" + mention("platforms") + ")",
                " Leave " + mention("platforms") + " empty to build one image, for the engine's platform.");
    }

    private static void checkStages(HostRecipe recipe, String who, String fix) throws ImageBuildException {
        if (!HostRecipe.TEMPLATE.equals(recipe.template())) {
            throw new ImageBuildException(who + " has the earlier stages of the " + HostRecipe.TEMPLATE
                    + " made on this machine; this image renders " + recipe.template()
                    + ", whose stages run commands only an engine runs." + fix);
        }
        if (!"none".equals(recipe.startupCache())) {
            throw new ImageBuildException(who + " cannot have the startup cache trained ("
                    + mention("startupCache") + "=" + recipe.startupCache() + " runs the service in a container)."
                    + fix + " Or set " + mention("startupCache") + "=none.");
        }
    }

    @Override
    public String platform() throws EngineException {
        return platform;
    }

    @Override
    public String unavailable(String reference) {
        return null;
    }

    @Override
    public String imageId(String reference) throws EngineException, IOException {
        return pull(reference).id();
    }

    @Override
    public String manifestDigest(String reference) throws EngineException, IOException {
        return pull(reference).manifestDigest();
    }

    @Override
    public void save(String reference, OutputStream out) throws EngineException, IOException {
        ImagePull.Pulled image = pull(reference);
        // closed here (and so out): the assembler reads the file once this returns
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new BufferedOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            var manifest = JSON.createArrayNode().addObject();
            manifest.put("Config", "config.json");
            var layers = manifest.putArray("Layers");
            put(tar, "config.json", image.config());
            int index = 0;
            for (ImagePull.LayerBlob layer : image.layers()) {
                String name = (index++) + ".tar";
                layers.add(name);
                Path plain = Files.createTempFile(workDirectory, "base-layer", ".tar");
                temporary.add(plain);
                try (InputStream raw = new BufferedInputStream(Files.newInputStream(layer.file()));
                        InputStream in = layer.gzipped() ? new GZIPInputStream(raw, 65536) : raw) {
                    Files.copy(in, plain, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                TarArchiveEntry entry = new TarArchiveEntry(name);
                entry.setSize(Files.size(plain));
                tar.putArchiveEntry(entry);
                Files.copy(plain, tar);
                tar.closeArchiveEntry();
                Files.delete(plain);
            }
            put(
                    tar,
                    "manifest.json",
                    JSON.writeValueAsBytes(JSON.createArrayNode().add(manifest)));
            tar.finish();
        }
    }

    private static void put(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    @Override
    public String stage(String name) throws EngineException, IOException {
        boolean known = name.equals("rootfs") || (recipe.reactorRuntime() && name.equals("runtime"));
        if (!known) {
            throw new ImageBuildException(mention("builder") + "=host makes the stages of " + HostRecipe.TEMPLATE
                    + " (rootfs" + (recipe.reactorRuntime() ? ", runtime" : "") + "), not the stage " + name
                    + " of this Dockerfile: use " + mention("builder") + "=engine.");
        }
        if (!stages.containsKey(name)) {
            stages.put(name, make(name));
        }
        return STAGE_PREFIX + key() + ":" + name;
    }

    @Override
    public InputStream archive(String stageId, String path) throws EngineException, IOException {
        String name = stageId.substring(stageId.lastIndexOf(':') + 1);
        Map<String, Item> items = stages.get(name);
        String root = ImageFilesystem.clean(path);
        Item own = items.get(root);
        Path tarFile = Files.createTempFile(workDirectory, "host-stage", ".tar");
        temporary.add(tarFile);
        try (TarArchiveOutputStream tar =
                new TarArchiveOutputStream(new BufferedOutputStream(Files.newOutputStream(tarFile)))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            if (own != null) {
                String base = root.substring(root.lastIndexOf('/') + 1);
                write(tar, base, own);
                for (Map.Entry<String, Item> e : items.entrySet()) {
                    if (e.getKey().startsWith(root + "/")) {
                        write(tar, base + e.getKey().substring(root.length()), e.getValue());
                    }
                }
            }
            tar.finish();
        }
        return Files.newInputStream(tarFile);
    }

    private static void write(TarArchiveOutputStream tar, String name, Item item) throws IOException {
        TarArchiveEntry entry;
        switch (item.type()) {
            case 'd' -> entry = new TarArchiveEntry(name + "/");
            case 'l' -> {
                entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
                entry.setLinkName(item.link());
            }
            default -> {
                entry = new TarArchiveEntry(name);
                entry.setSize(item.bytes() != null ? item.bytes().length : Files.size(item.file()));
            }
        }
        entry.setMode((item.type() == 'd' ? 040000 : item.type() == 'l' ? 0120000 : 0100000) | item.mode());
        entry.setUserId(0);
        entry.setGroupId(0);
        tar.putArchiveEntry(entry);
        if (item.type() == 'f') {
            if (item.bytes() != null) {
                tar.write(item.bytes());
            } else {
                Files.copy(item.file(), tar);
            }
        }
        tar.closeArchiveEntry();
    }

    @Override
    public void cleanUp(EngineLog log) {
        for (Path file : temporary) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.debug("Could not delete " + file + ": " + e.getMessage());
            }
        }
    }

    // --- the stages ---

    /** What identifies the stages' output: the recipe, the JDK build, the builder image, this code's version. */
    private String key() throws EngineException, IOException {
        builder();
        return Sha256.hex("dockyard-host-1\0" + JSON.writeValueAsString(recipe) + "\0" + jdkRelease() + "\0" + builderId
                + "\0" + jlinkLocale() + (cross() ? "\0" + platform : ""));
    }

    private Map<String, Item> make(String name) throws EngineException, IOException {
        ImageFilesystem image = builder();
        Map<String, Item> items = new TreeMap<>();
        String linked = recipe.reactorRuntime() ? "runtime" : "rootfs";
        Path runtime = link();
        if (name.equals(linked)) {
            addTree(items, runtime, linked + recipe.javaHome());
        }
        if (!name.equals("rootfs")) {
            return items;
        }
        List<String> executables = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(runtime)) {
            for (Path file : walk.sorted().toList()) {
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                boolean executable = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)
                        .contains(PosixFilePermission.OWNER_EXECUTE);
                if (file.getFileName().toString().endsWith(".so") || executable) {
                    executables.add(runtime.relativize(file).toString().replace('\\', '/'));
                }
            }
        }
        SharedLibraries libraries = new SharedLibraries(image);
        Set<String> files = new TreeSet<>(libraries.of(runtime, recipe.javaHome(), executables, List.of()));
        String libc =
                files.stream().filter(f -> f.endsWith("/libc.so.6")).findFirst().orElse(null);
        Integer minor = libc == null ? null : glibcMinor(image.file(libc));
        if (libc != null && minor != null && minor < 34) {
            String directory = libc.substring(0, libc.lastIndexOf('/') + 1);
            List<String> nss = List.of(directory + "libnss_files.so.2", directory + "libnss_dns.so.2");
            files.addAll(libraries.of(runtime, recipe.javaHome(), List.of(), nss));
        }
        if (image.resolve("/etc/os-release") != null) {
            files.add("/etc/os-release");
        }
        DpkgDatabase dpkg = DpkgDatabase.of(image);
        if (!dpkg.present()) {
            log.info("[dockyard] the builder image has no dpkg: the image gets no package entries in"
                    + " /var/lib/dpkg/status.d, image scanners list no OS packages");
        }
        mkdirs(items, "rootfs/etc");
        mkdirs(items, "rootfs/var/lib/dpkg/status.d");
        mkdirs(items, "rootfs" + recipe.tmp());
        for (String volume : recipe.volumes()) {
            mkdirs(items, "volumes" + volume);
        }
        for (String file : files) {
            String real = image.resolve(file);
            Path content = image.file(file);
            if (content == null) {
                throw new ImageBuildException("The builder image " + recipe.builderImage() + " lists " + file
                        + " for the runtime, but its bytes could not be read from its layers.");
            }
            mkdirs(items, "rootfs" + file.substring(0, file.lastIndexOf('/')));
            items.put("rootfs" + file, new Item('f', image.mode(file) & 0777 & ~UMASK, null, content, null));
            List<String> candidates = new ArrayList<>(List.of(file, "/usr" + file));
            if (real != null) {
                candidates.add(real);
                candidates.add(real.startsWith("/usr/") ? real.substring(4) : real);
            }
            for (String candidate : candidates) {
                String owner = dpkg.present() ? dpkg.owner(candidate) : null;
                if (owner != null) {
                    String stanza = dpkg.stanza(owner);
                    String packageName = owner.contains(":") ? owner.substring(0, owner.indexOf(':')) : owner;
                    if (stanza != null) {
                        items.put(
                                "rootfs/var/lib/dpkg/status.d/" + packageName,
                                new Item('f', 0644, null, null, stanza.getBytes(StandardCharsets.UTF_8)));
                    }
                    break;
                }
            }
        }
        if (recipe.emptyBase()) {
            requireLoader(items, runtime);
        }
        text(
                items,
                "rootfs/etc/passwd",
                "root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:" + recipe.uid() + ":" + recipe.gid() + ":nonroot:"
                        + recipe.workdir() + ":/sbin/nologin\n");
        text(items, "rootfs/etc/group", "root:x:0:\nnonroot:x:" + recipe.gid() + ":\n");
        text(items, "rootfs/etc/nsswitch.conf", "hosts: files dns\n");
        items.put("rootfs" + recipe.tmp(), Item.directory(01777));
        log.info("Made stage rootfs on this machine" + (cross() ? " for " + platform : "") + ": the runtime of "
                + (cross() ? "the builder image's jmods" : jdk) + " and " + files.size() + " files of "
                + recipe.builderImage());
        return items;
    }

    /** On an empty base, the image gets its C library only from the stage: without it java cannot start. */
    private void requireLoader(Map<String, Item> items, Path runtime) throws IOException, ImageBuildException {
        SharedLibraries.Elf java = SharedLibraries.Elf.read(runtime.resolve("bin/java"));
        List<String> missing = new ArrayList<>();
        if (java != null && java.interpreter() != null && !items.containsKey("rootfs" + java.interpreter())) {
            missing.add("the dynamic loader " + java.interpreter());
        }
        if (java != null && items.keySet().stream().noneMatch(p -> p.endsWith("/libc.so.6"))) {
            java.needed().stream()
                    .filter(n -> n.startsWith("libc.so."))
                    .findFirst()
                    .ifPresent(missing::add);
        }
        if (!missing.isEmpty()) {
            throw new ImageBuildException("The builder image " + recipe.builderImage() + " lacks "
                    + String.join(" and ", missing) + ": " + recipe.javaHome() + "/bin/java could not start; use a"
                    + " glibc builder image (" + mention("builderImage") + ") or the template java-service-debian ("
                    + mention("template") + ")");
        }
    }

    /** The runtime jlink writes, kept in the work directory for the same recipe, JDK and builder. */
    private Path link() throws EngineException, IOException {
        Path directory = workDirectory.resolve("host-stages").resolve(key());
        Path runtime = directory.resolve("runtime");
        Path done = directory.resolve("linked");
        if (Files.isRegularFile(done) && Files.isDirectory(runtime)) {
            return runtime;
        }
        if (Files.exists(directory)) {
            try (Stream<Path> walk = Files.walk(directory)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(directory);
        Path jlink = jdk.resolve("bin").resolve("jlink");
        if (!Files.isExecutable(jlink)) {
            throw new ImageBuildException("The JDK " + jdk + " has no bin/jlink (a JRE?): " + mention("builder")
                    + "=host needs a JDK of the builder's release in the toolchains.");
        }
        List<String> command =
                new ArrayList<>(List.of(jlink.toString(), "--add-modules", String.join(",", recipe.modules())));
        if (cross()) {
            command.addAll(List.of("--module-path", targetJmods().toString()));
        }
        if (!recipe.locales().isEmpty() && !recipe.locales().contains("*")) {
            command.add("--include-locales=" + String.join(",", recipe.locales()));
        }
        command.addAll(strip());
        command.addAll(List.of("--no-man-pages", "--no-header-files"));
        command.add(feature(jdkRelease()) >= 21 ? "--compress=zip-6" : "--compress=2");
        if (recipe.cds() && !cross()) {
            command.add("--generate-cds-archive");
        } else if (recipe.cds()) {
            log.info("[dockyard] the " + platform + " runtime gets no CDS archive: jlink makes it by running the"
                    + " runtime it linked, which is not of this machine's platform (" + hostPlatform() + ")");
        }
        command.addAll(List.of("--output", runtime.toString()));
        if (cross()) {
            log.info("Linking the " + platform + " runtime on this machine with the jmods of " + recipe.builderImage()
                    + " for " + platform + " (JDK " + builderRelease() + "), not under emulation: jlink is Java and"
                    + " copies the target's native code from its jmods; the JDK linking is " + jdk + " ("
                    + jdkRelease() + ")");
        }
        log.info("Linking the runtime on this machine: "
                + String.join(" ", command.subList(1, command.size() - 2)).replace(String.valueOf(cache), "<cache>"));
        ProcessBuilder started = new ProcessBuilder(command).redirectErrorStream(true);
        environment(started.environment());
        Process process = started.start();
        byte[] output;
        try (InputStream in = process.getInputStream()) {
            output = in.readAllBytes();
        }
        try {
            if (!process.waitFor(JLINK_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new ImageBuildException(
                        "jlink of " + jdk + " did not finish within " + JLINK_MINUTES + " minutes.");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ImageBuildException("Interrupted while jlink ran.");
        }
        if (process.exitValue() != 0) {
            throw new ImageBuildException("jlink of " + jdk + " failed (exit " + process.exitValue() + "): "
                    + new String(output, StandardCharsets.UTF_8).strip());
        }
        Files.writeString(done, "");
        return runtime;
    }

    /** Whether the runtime is for another platform than this machine's. */
    private boolean cross() {
        return !platform.equals(hostPlatform());
    }

    /** The jmods of the builder image's JDK, read from its layers, for linking another platform's runtime. */
    private Path targetJmods() throws EngineException, IOException {
        String home = builderEnv().getOrDefault("JAVA_HOME", recipe.javaHome());
        Path jmods = builder().jmods(home);
        if (jmods == null) {
            throw new ImageBuildException("The builder image " + recipe.builderImage() + " for " + platform + " has no"
                    + " jmods in " + home + "/jmods: the " + platform + " runtime is linked on this machine from that"
                    + " platform's jmods. Use a JDK image that ships them (as eclipse-temurin's do) as "
                    + mention("builderImage") + ".");
        }
        return jmods;
    }

    /**
     * How jlink strips debug information: {@code --strip-debug} when the builder image and this machine have
     * objcopy (the builder's steps strip native symbols with it), for another platform with that platform's objcopy
     * of GNU binutils ({@code aarch64-linux-gnu-objcopy}); without one, Java debug attributes only, said in the log.
     */
    private List<String> strip() throws EngineException, IOException {
        boolean builderObjcopy =
                builder().isFile("/usr/bin/objcopy") || builder().isFile("/bin/objcopy");
        String tool = cross() ? gnuTriplet(platform) + "-objcopy" : "objcopy";
        Path objcopy = onPath(tool);
        if (builderObjcopy && objcopy != null) {
            return cross()
                    ? List.of(
                            "--strip-java-debug-attributes",
                            "--strip-native-debug-symbols=exclude-debuginfo-files:objcopy=" + objcopy)
                    : List.of("--strip-debug");
        }
        log.info("[dockyard] " + (builderObjcopy ? "this machine has no " + tool : "the builder image has no objcopy")
                + " (binutils" + (cross() && builderObjcopy ? ": the package binutils-" + gnuTriplet(platform) : "")
                + "): jlink uses --strip-java-debug-attributes instead of --strip-debug, native debug symbols stay");
        return List.of("--strip-java-debug-attributes");
    }

    /** The GNU triplet of a Linux platform's tools ({@code linux/arm64}: {@code aarch64-linux-gnu}). */
    static String gnuTriplet(String platform) {
        String arch = platform.substring(platform.indexOf('/') + 1).replaceFirst("/.*", "");
        return switch (arch) {
                    case "amd64" -> "x86_64";
                    case "arm64" -> "aarch64";
                    case "ppc64le" -> "powerpc64le";
                    case "386" -> "i686";
                    default -> arch;
                }
                + "-linux-gnu";
    }

    /**
     * jlink's environment as the builder image gives it to its {@code RUN} steps: its Java options, and its locale's
     * character set (the classes jlink generates differ with it): {@code C.UTF-8} when the builder's locale is one of
     * UTF-8 the image has, else {@code C}.
     */
    private void environment(Map<String, String> env) {
        Map<String, String> builderEnv = builderEnv();
        for (String name : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
            env.remove(name);
            if (builderEnv.containsKey(name)) {
                env.put(name, builderEnv.get(name));
            }
        }
        env.keySet().removeIf(name -> name.equals("LANG") || name.startsWith("LC_") || name.equals("LANGUAGE"));
        env.put("LC_ALL", jlinkLocale());
    }

    /** The locale jlink runs in: {@code C.UTF-8} when the builder's is one of UTF-8 its image has, else {@code C}. */
    private String jlinkLocale() {
        Map<String, String> builderEnv = builderEnv();
        String locale = builderEnv.getOrDefault(
                "LC_ALL", builderEnv.getOrDefault("LC_CTYPE", builderEnv.getOrDefault("LANG", "")));
        return utf8Locale(locale) ? "C.UTF-8" : "C";
    }

    /** The builder image's environment, as its {@code RUN} steps get it. */
    private Map<String, String> builderEnv() {
        Map<String, String> env = new TreeMap<>();
        for (JsonNode entry : builderConfig.path("config").path("Env")) {
            String text = entry.asText();
            int eq = text.indexOf('=');
            if (eq > 0) {
                env.put(text.substring(0, eq), text.substring(eq + 1));
            }
        }
        return env;
    }

    /** Whether the builder's locale {@code name} is a UTF-8 one its image has (glibc falls back to C otherwise). */
    private boolean utf8Locale(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".utf-8") && !lower.endsWith(".utf8")) {
            return false;
        }
        String base = name.substring(0, name.lastIndexOf('.'));
        if (base.equals("C")) {
            return true; // built into glibc 2.35 and later, shipped by Debian before
        }
        return builder.entry("/usr/lib/locale/" + base + ".utf8") != null
                || builder.entry("/usr/lib/locale/" + name) != null
                || builder.entry("/usr/lib/locale/locale-archive") != null;
    }

    /** Adds {@code directory}'s tree below {@code prefix}, with the parents jlink creates, modes as under umask 022. */
    private static void addTree(Map<String, Item> items, Path directory, String prefix) throws IOException {
        mkdirs(items, prefix.substring(0, prefix.lastIndexOf('/')));
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : walk.sorted().toList()) {
                String relative = directory.relativize(file).toString().replace('\\', '/');
                String path = relative.isEmpty() ? prefix : prefix + "/" + relative;
                int mode = mode(file) & ~UMASK;
                if (Files.isSymbolicLink(file)) {
                    items.put(
                            path,
                            new Item('l', 0777, Files.readSymbolicLink(file).toString(), null, null));
                } else if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                    items.put(path, Item.directory(mode));
                } else {
                    items.put(path, new Item('f', mode, null, file, null));
                }
            }
        }
    }

    private static int mode(Path file) throws IOException {
        if (Files.isSymbolicLink(file)) {
            return 0777;
        }
        int mode = 0;
        for (PosixFilePermission p : Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)) {
            mode |= 1 << (8 - p.ordinal());
        }
        return mode;
    }

    private static void mkdirs(Map<String, Item> items, String directory) {
        if (directory.isEmpty() || items.containsKey(directory)) {
            return;
        }
        int slash = directory.lastIndexOf('/');
        if (slash > 0) {
            mkdirs(items, directory.substring(0, slash));
        }
        items.put(directory, Item.directory(0755));
    }

    private static void text(Map<String, Item> items, String path, String text) {
        items.put(path, new Item('f', 0644, null, null, text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Integer glibcMinor(Path libc) throws IOException {
        if (libc == null) {
            return null;
        }
        Matcher m = GLIBC.matcher(new String(Files.readAllBytes(libc), StandardCharsets.ISO_8859_1));
        return m.find() ? Integer.parseInt(m.group(1)) : null;
    }

    // --- the builder image and the JDK ---

    /** The builder image's files, pulled for this machine's platform. */
    private ImageFilesystem builder() throws EngineException, IOException {
        if (builder == null) {
            ImagePull.Pulled image = pull(recipe.builderImage());
            JsonNode config = JSON.readTree(image.config());
            builderConfig = config;
            String imagePlatform = config.path("os").asText() + "/"
                    + config.path("architecture").asText();
            if (!imagePlatform.equals(platform) && !cross()) {
                throw new ImageBuildException("The builder image " + recipe.builderImage() + " is for "
                        + imagePlatform + ", and " + mention("builder") + "=host links on this machine, "
                        + platform + ": use a builder image for " + platform + " or " + mention("builder")
                        + "=engine.");
            }
            if (!imagePlatform.equals(platform)) {
                throw new ImageBuildException("The builder image " + recipe.builderImage() + " is for "
                        + imagePlatform + " only, and the image is built for " + platform + " too ("
                        + mention("platforms") + "): use a builder image whose registry serves an index with a "
                        + platform + " manifest (" + mention("builderImage") + "), or leave " + platform + " out of "
                        + mention("platforms") + ".");
            }
            builder = ImageFilesystem.of(image, cache.resolve("images"), cross());
            builderId = image.id();
            String builderRelease = builderRelease();
            if (builderRelease == null) {
                throw new ImageBuildException("The builder image " + recipe.builderImage() + " names no Java release"
                        + " (no JAVA_HOME in its environment with a release file): " + mention("builder")
                        + "=host cannot tell which JDK links the runtime. Use a JDK image as " + mention("builderImage")
                        + ", or " + mention("builder") + "=engine.");
            }
            jdk = jdks.jdk(feature(builderRelease));
            String ours = jdkRelease();
            if (builderRelease != null && !builderRelease.equals(ours)) {
                log.info("The JDK " + jdk + " is " + (ours == null ? "of an unknown version" : ours)
                        + ", the builder image's " + builderRelease + ": the runtime differs from the one the"
                        + " engine links");
            }
        }
        return builder;
    }

    private String builderRelease() throws IOException {
        String home = builderEnv().get("JAVA_HOME");
        Path release = home == null ? null : builder.file(home + "/release");
        return release == null ? null : javaVersion(release);
    }

    private ImagePull.Pulled pull(String reference) throws EngineException, IOException {
        ImagePull.Pulled image = pulled.get(reference);
        if (image == null) {
            image = registry.pull(reference, platform);
            pulled.put(reference, image);
        }
        return image;
    }

    /** The JDK's version, from its {@code release} file ({@code 17.0.13}); {@code null} when it has none. */
    private String jdkRelease() throws IOException {
        Path release = jdk.resolve("release");
        return Files.isRegularFile(release) ? javaVersion(release) : null;
    }

    /** The {@code JAVA_VERSION} of a {@code release} file. */
    public static String javaVersion(Path release) throws IOException {
        for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
            if (line.startsWith("JAVA_VERSION=")) {
                return line.substring("JAVA_VERSION=".length())
                        .replace("\"", "")
                        .strip();
            }
        }
        return null;
    }

    private static int feature(String version) {
        if (version == null) {
            return 0;
        }
        Matcher m = Pattern.compile("^([0-9]+)").matcher(version);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** {@code tool} as found on this machine's {@code PATH}, or {@code null}. */
    private static Path onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String directory : path.split(java.io.File.pathSeparator)) {
            if (!directory.isBlank() && Files.isExecutable(Path.of(directory, tool))) {
                return Path.of(directory, tool);
            }
        }
        return null;
    }
}
