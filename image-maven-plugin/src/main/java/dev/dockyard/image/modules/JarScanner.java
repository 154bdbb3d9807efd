package dev.dockyard.image.modules;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;
import org.objectweb.asm.tree.ClassNode;

/**
 * Reads one jar (or class directory) with ASM and collects the JDK packages its class files name: classes of the
 * constant pool (which covers superclasses, interfaces, instructions, {@code invokedynamic} bootstrap owners and
 * class literals), the descriptors of referenced members and of method types, the descriptors and generic
 * signatures of the jar's own fields, methods and record components, and thrown exceptions. Code is not walked:
 * every class an instruction names is in the constant pool.
 *
 * <p>What only annotations name (their types, enum and class values) needs no module: the JVM ignores an annotation
 * whose type is absent, and code that reads a particular annotation names its class, which the constant pool then
 * holds. Annotation processors (the classes a jar lists in
 * {@code META-INF/services/javax.annotation.processing.Processor}, and their nested classes) are not read either:
 * only {@code javac} runs them, never the application. Nor are GraalVM native-image substitutions (classes annotated
 * {@code @com.oracle.svm.core.annotate.TargetClass}, such as Quarkus's {@code io.quarkus.runtime.graal.Target_*}):
 * only {@code native-image} reads them, and nothing a JVM runs names them. A JDK module that a jar's own
 * {@code module-info} requires {@code static} (optional at run time: snakeyaml's and Jakarta EL's {@code java.desktop})
 * is not needed for that jar's references to it: the library runs without it, as a module path would resolve it.
 *
 * <p>Multi-release jars are read for the target release: of {@code META-INF/versions/N/x/Y.class} and
 * {@code x/Y.class}, the entry with the highest {@code N} not above the release. Jars nested in a jar (Spring Boot's
 * {@code BOOT-INF/lib/}, a war's {@code WEB-INF/lib/}) are read too. Not thread-safe: one scanner per jar.
 */
final class JarScanner {

    private static final String VERSIONS = "META-INF/versions/";
    private static final String MODULE_INFO = "module-info.class";
    private static final String MANIFEST = "META-INF/MANIFEST.MF";
    /** Where class files of a jar's own classes start, in the layouts that put them below a folder. */
    private static final List<String> CLASS_ROOTS = List.of("BOOT-INF/classes/", "WEB-INF/classes/");

    private static final String FILE_SYSTEMS = "java/nio/file/FileSystems";
    private static final String SERVICES = "META-INF/services/";
    /** Where Maven writes a jar's {@code pom.xml} and {@code pom.properties}. */
    private static final String MAVEN_METADATA = "META-INF/maven/";
    /** A jar signature's files. */
    private static final java.util.regex.Pattern SIGNATURE =
            java.util.regex.Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)");

    private static final String PROCESSORS = SERVICES + "javax.annotation.processing.Processor";
    /** Files of a jar larger than this (bytes) are not read for the class names they hold. */
    private static final int RESOURCE_LIMIT = 1 << 20;

    private static final List<String> AGENT_ATTRIBUTES =
            List.of("Premain-Class", "Agent-Class", "Launcher-Agent-Class");
    /** The annotation of a GraalVM native-image substitution class, as a class file's descriptor names it. */
    private static final String SUBSTITUTION = "Lcom/oracle/svm/core/annotate/TargetClass;";

    private static final byte[] SUBSTITUTION_BYTES = SUBSTITUTION.getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** Class files of Java versions ASM does not know yet are read as this version (their constant pool is alike). */
    private static final int READABLE_VERSION = Opcodes.V17;

    private final SystemModules jdk;
    private final int release;

    private final Map<String, JarFacts.Use> packages = new HashMap<>();
    private final Map<String, String> features = new HashMap<>();
    private final Set<String> requires = new HashSet<>();
    /**
     * By nested jar ({@link #jarOf}) and package of its module ({@code lib/x.jar!/a.b}, or {@code a.b} for the jar
     * itself), the modules the module's descriptor requires {@code static}.
     */
    private final Map<String, Set<String>> optional = new HashMap<>();
    /** The class being read (dotted, as {@link JarFacts.Use#owner()} names it), or the manifest. */
    private String current = "";

    // the class graph (see ClassGraph)
    private final List<ClassGraph.Node> nodes = new ArrayList<>();
    private final Map<String, Set<String>> services = new HashMap<>();
    private final Set<String> named = new HashSet<>();
    private final Set<String> packaged = new HashSet<>();
    /** The JDK packages that strings of the jar's classes name (classes loaded by name, reflection). */
    private final Set<String> mentioned = new HashSet<>();

    private final Set<String> entryClasses = new HashSet<>();
    private final Map<String, String> jarFeatures = new HashMap<>();
    /** What the class being read names, or {@code null} while no class is read. */
    private ClassGraph.Node node;

    private int classFiles;
    private int unreadable;
    private String firstProblem;

    private final SignatureVisitor signatures = new SignatureVisitor(Opcodes.ASM9) {
        @Override
        public void visitClassType(String name) {
            internalName(name);
        }
    };
    private final ClassVisitor classes = new ClassVisitor(Opcodes.ASM9) {
        @Override
        public void visit(
                int version, int access, String name, String signature, String superName, String[] interfaces) {
            signature(signature);
        }

        @Override
        public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
            descriptor(descriptor);
            signature(signature);
            return null; // nothing in it but annotations, which are not read (see the class comment)
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            descriptor(descriptor);
            signature(signature);
            return null; // nothing in it but annotations
        }

        @Override
        public MethodVisitor visitMethod(
                int access, String name, String descriptor, String signature, String[] exceptions) {
            descriptor(descriptor);
            signature(signature);
            if (exceptions != null) {
                for (String exception : exceptions) {
                    internalName(exception);
                }
            }
            return null; // annotations, and code, which is not walked: the constant pool names its classes
        }
    };

    JarScanner(SystemModules jdk) {
        this(jdk, Map.of());
    }

    /**
     * @param held by package, the modules that the descriptors of libraries whose classes the jar holds (a shaded
     *     jar's) require {@code static}: optional for those packages' classes, as in the libraries' own jars
     */
    JarScanner(SystemModules jdk, Map<String, Set<String>> held) {
        this.jdk = jdk;
        this.release = jdk.release();
        held.forEach((pkg, modules) -> optional.put(pkg, new HashSet<>(modules)));
    }

    /**
     * The module descriptor of a jar: its {@code module-info.class}, or in a multi-release jar the one of the highest
     * version not above {@code release}.
     *
     * @return the descriptor, or empty for a jar without one (or that cannot be read: it is not scanned here)
     */
    static java.util.Optional<ModuleDescriptor> descriptor(Path jar, int release) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry chosen = zip.getEntry(MODULE_INFO);
            ZipEntry manifestEntry = zip.getEntry(MANIFEST);
            boolean multiRelease = false;
            if (manifestEntry != null) {
                try (InputStream in = zip.getInputStream(manifestEntry)) {
                    multiRelease = "true"
                            .equalsIgnoreCase(String.valueOf(
                                            new Manifest(in).getMainAttributes().getValue("Multi-Release"))
                                    .strip());
                }
            }
            for (int version = release; multiRelease && version >= 9; version--) {
                ZipEntry versioned = zip.getEntry(VERSIONS + version + "/" + MODULE_INFO);
                if (versioned != null) {
                    chosen = versioned;
                    break;
                }
            }
            if (chosen == null) {
                return java.util.Optional.empty();
            }
            try (InputStream in = zip.getInputStream(chosen)) {
                return java.util.Optional.of(ModuleDescriptor.read(in));
            }
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** @return what the jar's class files name; never throws for a jar that cannot be read, but says so */
    JarFacts scan(Path jar) {
        try {
            if (Files.isDirectory(jar)) {
                directory(jar);
            } else {
                zip(jar);
            }
        } catch (IOException | RuntimeException e) {
            return new JarFacts(packages, features, requires, "cannot be read as a jar (" + describe(e) + ")", graph());
        }
        // a descriptor's requirement of a module with an API counts when the jar names it (in a class or a
        // string): a class path ignores descriptors, and a requirement left from an older version names nothing
        mentioned.addAll(packages.keySet());
        Set<String> named = new HashSet<>();
        mentioned.forEach(pkg -> jdk.moduleOf(pkg).ifPresent(named::add));
        requires.removeIf(module -> jdk.hasApi(module) && !named.contains(module));
        String warning = null;
        if (unreadable > 0) {
            warning = unreadable + " of " + classFiles + (classFiles == 1 ? " class file" : " class files")
                    + " could not be read (first: " + firstProblem + ")";
        }
        return new JarFacts(packages, features, requires, warning, graph());
    }

    private ClassGraph graph() {
        return new ClassGraph(nodes, services, named, packaged, entryClasses, jarFeatures);
    }

    /** An entry that may be read: its name without the versions prefix, its version (0 for the base), its bytes. */
    private interface Content {
        byte[] read() throws IOException;
    }

    private record Candidate(String name, int version, Content content) {}

    private void zip(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry manifestEntry = zip.getEntry(MANIFEST);
            Manifest manifest = null;
            if (manifestEntry != null) {
                try (InputStream in = zip.getInputStream(manifestEntry)) {
                    manifest = new Manifest(in);
                } catch (IOException | RuntimeException e) {
                    problem(MANIFEST, e);
                }
            }
            boolean multiRelease = manifest(MANIFEST, manifest);
            Set<String> processors = Set.of();
            ZipEntry processorList = zip.getEntry(PROCESSORS);
            if (processorList != null) {
                try (InputStream in = zip.getInputStream(processorList)) {
                    processors = processors(in.readAllBytes());
                }
            }
            Map<String, Candidate> chosen = new LinkedHashMap<>();
            List<ZipEntry> nested = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.endsWith(".jar") && !entry.isDirectory()) {
                    nested.add(entry);
                } else if (!name.endsWith(".class") && !entry.isDirectory()) {
                    resource(name, entry.getSize(), () -> {
                        try (InputStream in = zip.getInputStream(entry)) {
                            return in.readAllBytes();
                        }
                    });
                } else {
                    offer(chosen, name, multiRelease, () -> {
                        try (InputStream in = zip.getInputStream(entry)) {
                            return in.readAllBytes();
                        }
                    });
                }
            }
            read(chosen, processors);
            for (ZipEntry entry : nested) {
                try (InputStream in = zip.getInputStream(entry)) {
                    nested(entry.getName(), in);
                } catch (IOException | RuntimeException e) {
                    problem(entry.getName(), e);
                }
            }
        }
    }

    private void nested(String jarName, InputStream in) throws IOException {
        try (JarInputStream jar = new JarInputStream(in, false)) {
            boolean multiRelease = manifest(jarName + "!/" + MANIFEST, jar.getManifest());
            Map<String, Candidate> chosen = new LinkedHashMap<>();
            Set<String> processors = Set.of();
            for (ZipEntry entry = jar.getNextEntry(); entry != null; entry = jar.getNextEntry()) {
                String name = entry.getName();
                if (name.endsWith(".class")) {
                    byte[] bytes = jar.readAllBytes();
                    offer(chosen, jarName + "!/" + name, name, multiRelease, () -> bytes);
                } else if (name.equals(PROCESSORS)) {
                    processors = processors(jar.readAllBytes());
                } else if (!entry.isDirectory()) {
                    byte[] bytes = jar.readNBytes(RESOURCE_LIMIT + 1);
                    resource(name, bytes.length, () -> bytes);
                }
            }
            read(chosen, processors);
        }
    }

    private void directory(Path root) throws IOException {
        Map<String, Candidate> chosen = new LinkedHashMap<>();
        List<Path> files;
        try (var walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            String name = root.relativize(file).toString().replace('\\', '/');
            if (name.endsWith(".class")) {
                offer(chosen, name, false, () -> Files.readAllBytes(file));
            } else {
                resource(name, Files.size(file), () -> Files.readAllBytes(file));
            }
        }
        Path processorList = root.resolve(PROCESSORS);
        read(chosen, Files.isRegularFile(processorList) ? processors(Files.readAllBytes(processorList)) : Set.of());
    }

    /** @return whether the manifest declares a multi-release jar; notes agents */
    private boolean manifest(String entry, Manifest manifest) {
        if (manifest == null) {
            return false;
        }
        Attributes main = manifest.getMainAttributes();
        for (String attribute : AGENT_ATTRIBUTES) {
            String value = main.getValue(attribute);
            if (value != null && !value.isBlank()) {
                features.putIfAbsent(JarFacts.Feature.AGENT, entry + " " + attribute + ": " + value.strip());
                jarFeatures.putIfAbsent(JarFacts.Feature.AGENT, entry + " " + attribute + ": " + value.strip());
                entryClasses.add(value.strip().replace('.', '/'));
            }
        }
        return "true"
                .equalsIgnoreCase(String.valueOf(main.getValue("Multi-Release")).strip());
    }

    private void offer(Map<String, Candidate> chosen, String name, boolean multiRelease, Content content) {
        offer(chosen, name, name, multiRelease, content);
    }

    /** Keeps, per class, the entry the target release loads. */
    private void offer(Map<String, Candidate> chosen, String key, String name, boolean multiRelease, Content content) {
        if (!name.endsWith(".class")) {
            return;
        }
        int version = 0;
        String className = name;
        if (name.startsWith(VERSIONS)) {
            int slash = name.indexOf('/', VERSIONS.length());
            if (!multiRelease || slash < 0) {
                return;
            }
            try {
                version = Integer.parseInt(name.substring(VERSIONS.length(), slash));
            } catch (NumberFormatException e) {
                return;
            }
            if (version > release) {
                return;
            }
            className = name.substring(slash + 1);
            key = key.substring(0, key.length() - name.length()) + className;
        }
        Candidate known = chosen.get(key);
        if (known == null || known.version() < version) {
            chosen.put(key, new Candidate(key, version, content));
        }
    }

    /**
     * @param entry a class file's entry ({@code a/b/C.class}, {@code BOOT-INF/classes/a/b/C.class},
     *     {@code lib/x.jar!/a/b/C.class})
     * @return its class as the explanation names it: {@code a.b.C}, {@code lib/x.jar!/a.b.C}
     */
    static String owner(String entry) {
        int nested = entry.lastIndexOf("!/");
        String prefix = nested < 0 ? "" : entry.substring(0, nested + 2);
        String path = entry.substring(prefix.length());
        for (String root : CLASS_ROOTS) {
            if (path.startsWith(root)) {
                path = path.substring(root.length());
            }
        }
        if (path.endsWith(".class")) {
            path = path.substring(0, path.length() - ".class".length());
        }
        return prefix + path.replace('/', '.');
    }

    /** The internal names ({@code a/b/C}) of the annotation processors a services file lists. */
    private static Set<String> processors(byte[] servicesFile) {
        Set<String> names = new HashSet<>();
        for (String line : new String(servicesFile, java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
            String name = line.replaceAll("#.*", "").strip();
            if (!name.isEmpty()) {
                names.add(name.replace('.', '/'));
            }
        }
        return names;
    }

    /** Whether the class file {@code name} (entry path, perhaps below a nested jar) is a processor or nested in one. */
    private static boolean isProcessor(String name, Set<String> processors) {
        if (processors.isEmpty()) {
            return false;
        }
        String entry = name.substring(name.lastIndexOf("!/") + 1).replaceFirst("^/", "");
        String className = entry.substring(0, entry.length() - ".class".length());
        int nested = className.indexOf('$');
        return processors.contains(nested < 0 ? className : className.substring(0, nested));
    }

    private void read(Map<String, Candidate> chosen, Set<String> processors) {
        // the module descriptors first: what one declares optional applies to the classes of its packages
        List<Candidate> ordered = new ArrayList<>();
        chosen.values().stream().filter(c -> c.name().endsWith(MODULE_INFO)).forEach(ordered::add);
        chosen.values().stream().filter(c -> !c.name().endsWith(MODULE_INFO)).forEach(ordered::add);
        for (Candidate candidate : ordered) {
            if (isProcessor(candidate.name(), processors)) {
                continue; // only javac runs it
            }
            classFiles++;
            current = owner(candidate.name());
            try {
                byte[] bytes = candidate.content().read();
                if (candidate.name().endsWith(MODULE_INFO)) {
                    moduleInfo(bytes, jarOf(candidate.name()));
                } else {
                    classFile(bytes);
                }
            } catch (IOException | RuntimeException e) {
                problem(candidate.name(), e);
            } finally {
                node = null;
            }
        }
    }

    private void problem(String entry, Exception e) {
        unreadable++;
        if (firstProblem == null) {
            firstProblem = entry + ": " + describe(e);
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " " + message.strip());
    }

    private void moduleInfo(byte[] bytes, String jar) {
        ModuleDescriptor descriptor = ModuleDescriptor.read(ByteBuffer.wrap(bytes));
        for (ModuleDescriptor.Requires r : descriptor.requires()) {
            if (!r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)) {
                requires.add(r.name());
            } else {
                // for the descriptor's own packages only: a shaded jar may hold one library's descriptor among
                // the classes of many
                for (String pkg : descriptor.packages()) {
                    optional.computeIfAbsent(jar + pkg, k -> new HashSet<>()).add(r.name());
                }
            }
        }
    }

    /** The nested jar an entry or owner is in ({@code lib/x.jar!/}), empty for the jar itself. */
    private static String jarOf(String entry) {
        int nested = entry.lastIndexOf("!/");
        return nested < 0 ? "" : entry.substring(0, nested + 2);
    }

    void classFile(byte[] bytes) {
        ClassReader reader;
        try {
            reader = new ClassReader(bytes);
        } catch (IllegalArgumentException e) {
            // newer than ASM knows: the constant pool format is the same, so read it as an older version
            int major = bytes.length < 8 ? 0 : (bytes[6] & 0xFF) << 8 | bytes[7] & 0xFF;
            if (major <= READABLE_VERSION) {
                throw e;
            }
            byte[] copy = bytes.clone();
            copy[6] = (byte) (READABLE_VERSION >>> 8);
            copy[7] = (byte) READABLE_VERSION;
            reader = new ClassReader(copy);
        }
        if (names(reader, bytes, SUBSTITUTION_BYTES) && substitution(reader)) {
            return; // only native-image reads it
        }
        List<String> supertypes = new ArrayList<>();
        if (reader.getSuperName() != null) {
            supertypes.add(reader.getSuperName());
        }
        supertypes.addAll(List.of(reader.getInterfaces()));
        node = new ClassGraph.Node(
                reader.getClassName(),
                current,
                new LinkedHashMap<>(),
                new HashSet<>(),
                new HashSet<>(),
                supertypes,
                new HashSet<>());
        constantPool(reader, bytes);
        reader.accept(classes, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        reader.accept(new References(), ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        node.references().remove(node.name());
        nodes.add(node);
    }

    /** Whether the class is annotated as a GraalVM native-image substitution. */
    private static boolean substitution(ClassReader reader) {
        boolean[] found = {false};
        reader.accept(
                new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public org.objectweb.asm.AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                        found[0] |= SUBSTITUTION.equals(descriptor);
                        return null;
                    }
                },
                ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return found[0];
    }

    /**
     * Whether the constant pool of the class {@code reader} reads (from {@code b}, its bytes) holds the string
     * {@code utf8}: a quick test before the class is parsed for it.
     */
    private static boolean names(ClassReader reader, byte[] b, byte[] utf8) {
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset == 0 || b[offset - 1] != 1 || reader.readUnsignedShort(offset) != utf8.length) {
                continue; // not a CONSTANT_Utf8 of that length
            }
            if (java.util.Arrays.equals(b, offset + 2, offset + 2 + utf8.length, utf8, 0, utf8.length)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Collects, into the class being read's {@link ClassGraph.Node#references()}, every class its declarations and
     * code name (types, members' owners and descriptors, signatures, annotations and their values, constants and
     * bootstrap arguments; classes a string names), but not the classes only its {@code InnerClasses},
     * {@code NestMembers} or {@code PermittedSubclasses} attributes list: the JVM loads none of them for it.
     */
    private final class References extends ClassRemapper {
        References() {
            // a class node takes every part of the class, so that the remapper is shown every part
            super(Opcodes.ASM9, new ClassNode(), new Remapper(Opcodes.ASM9) {
                @Override
                public String map(String internalName) {
                    reference(internalName);
                    return internalName;
                }

                @Override
                public Object mapValue(Object value) {
                    if (value instanceof String text) {
                        byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                        classNames(utf8, 0, utf8.length, node.references());
                    }
                    return super.mapValue(value);
                }
            });
        }

        @Override
        public void visitInnerClass(String name, String outerName, String innerName, int access) {
            // a nested class the class declares or uses is loaded only where code names it
        }

        @Override
        public void visitNestMember(String nestMember) {}

        @Override
        public void visitPermittedSubclass(String permittedSubclass) {}
    }

    /** Notes a class (internal name) the class being read names, unless it is the JDK's. */
    private void reference(String name) {
        int slash = name.lastIndexOf('/');
        if (slash > 0
                && name.charAt(0) != '['
                && !jdk.isJdkPackage(name.substring(0, slash).replace('/', '.'))) {
            node.references().add(name);
        }
    }

    private void constantPool(ClassReader reader, byte[] bytes) {
        char[] buffer = new char[reader.getMaxStringLength()];
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset == 0) {
                continue; // the second slot of a long or double
            }
            switch (reader.readByte(offset - 1)) {
                case 7 -> internalName(reader.readUTF8(offset, buffer)); // Class
                case 12 -> descriptor(reader.readUTF8(offset + 2, buffer)); // NameAndType
                case 16 -> descriptor(reader.readUTF8(offset, buffer)); // MethodType
                case 8 -> string(reader.readUTF8(offset, buffer)); // String
                case 10, 11 -> { // Methodref, InterfaceMethodref
                    if (FILE_SYSTEMS.equals(reader.readClass(offset, buffer))) {
                        int nameAndType = reader.getItem(reader.readUnsignedShort(offset + 2));
                        if (reader.readUTF8(nameAndType, buffer).equals("newFileSystem")) {
                            feature(JarFacts.Feature.NEW_FILE_SYSTEM);
                        }
                    }
                }
                default -> {}
            }
        }
    }

    private void string(String value) {
        if (value == null) {
            return;
        }
        if (ImplicitModules.REFLECTED.containsKey(value)) {
            feature(JarFacts.Feature.REFLECTED + value);
        } else if (value.startsWith("dns:")) {
            feature(JarFacts.Feature.DNS_URL);
        }
    }

    /** Notes a rule trigger of the class being read. */
    private void feature(String feature) {
        features.putIfAbsent(feature, current);
        node.features().add(feature);
    }

    /**
     * Notes what a file of the jar that is not a class says: the providers of a {@code META-INF/services} file, and
     * the classes its path and (up to {@value #RESOURCE_LIMIT} bytes) its content name: for a file at the jar's root
     * or below {@code META-INF/}, where frameworks look in every jar ({@code spring.factories}, Micronaut's and
     * Helidon's indexes), or for a file in a package, which its classes read.
     */
    private void resource(String name, long size, Content content) throws IOException {
        if (name.equals(MANIFEST)
                || name.startsWith(MAVEN_METADATA)
                || SIGNATURE.matcher(name).matches()) {
            return; // the manifest's classes are read as attributes; build metadata and signatures load nothing
        }
        boolean service = name.startsWith(SERVICES) && name.indexOf('/', SERVICES.length()) < 0;
        Set<String> into = name.indexOf('/') < 0 || name.startsWith("META-INF/") ? named : packaged;
        for (String segment : service ? new String[0] : name.split("/")) {
            byte[] bytes = segment.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            classNames(bytes, 0, bytes.length, into);
        }
        if (size < 0 || size > RESOURCE_LIMIT) {
            return;
        }
        byte[] bytes = content.read();
        if (bytes.length > RESOURCE_LIMIT) {
            return;
        }
        if (service) {
            Set<String> providers =
                    services.computeIfAbsent(name.substring(SERVICES.length()).replace('.', '/'), k -> new HashSet<>());
            processors(bytes).forEach(providers::add);
        } else {
            classNames(bytes, 0, bytes.length, into);
        }
    }

    /**
     * Adds to {@code into} the class names that {@code length} bytes from {@code from} may hold: each run of name
     * characters with a dot or slash in it, dots made slashes (also without a descriptor's leading {@code L}),
     * unless it is in a JDK package.
     */
    private void classNames(byte[] bytes, int from, int length, Set<String> into) {
        int end = from + length;
        int start = -1;
        boolean qualified = false;
        for (int i = from; i <= end; i++) {
            int c = i < end ? bytes[i] & 0xFF : 0;
            boolean part = c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || c == '_'
                    || c == '$'
                    || c == '.'
                    || c == '/';
            if (part) {
                if (start < 0) {
                    start = i;
                    qualified = false;
                }
                qualified |= c == '.' || c == '/';
            } else if (start >= 0) {
                if (qualified) {
                    className(new String(bytes, start, i - start, java.nio.charset.StandardCharsets.ISO_8859_1), into);
                }
                start = -1;
            }
        }
    }

    private void className(String run, Set<String> into) {
        String name = run.replace('.', '/');
        while (name.startsWith("/")) {
            name = name.substring(1);
        }
        while (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        int slash = name.lastIndexOf('/');
        if (slash <= 0 || Character.isDigit(name.charAt(0))) {
            return;
        }
        String pkg = name.substring(0, slash).replace('/', '.');
        if (!jdk.isJdkPackage(pkg)) {
            into.add(name);
        } else if (node != null) {
            mentioned.add(pkg);
            node.mentions().add(pkg);
        }
        if (name.charAt(0) == 'L' && name.length() > 1) {
            className(name.substring(1), into);
        }
    }

    private void descriptor(String descriptor) {
        if (descriptor == null || descriptor.isEmpty()) {
            return;
        }
        SignatureReader reader = new SignatureReader(descriptor);
        if (descriptor.charAt(0) == '(') {
            reader.accept(signatures);
        } else {
            reader.acceptType(signatures);
        }
    }

    private void signature(String signature) {
        if (signature == null || signature.isEmpty()) {
            return;
        }
        if (signature.charAt(0) == '(' || signature.charAt(0) == '<' || signature.charAt(0) == 'L') {
            new SignatureReader(signature).accept(signatures);
        } else {
            new SignatureReader(signature).acceptType(signatures);
        }
    }

    /** Notes the package of a class given by internal name ({@code a/b/C}) or array descriptor. */
    private void internalName(String name) {
        if (name == null || name.isEmpty()) {
            return;
        }
        if (name.charAt(0) == '[') {
            descriptor(name);
            return;
        }
        int slash = name.lastIndexOf('/');
        if (slash <= 0) {
            return;
        }
        String pkg = name.substring(0, slash).replace('/', '.');
        if (jdk.isJdkPackage(pkg) && !optional(pkg)) {
            packages.putIfAbsent(pkg, new JarFacts.Use(current, name.replace('/', '.')));
            if (node != null) {
                node.packages().putIfAbsent(pkg, name.replace('/', '.'));
            }
        }
    }

    /**
     * Whether the JDK package's module is one that the module descriptor of the current class's jar requires
     * {@code static}: optional at run time, so the library runs without it (as a module path would resolve it).
     */
    private boolean optional(String pkg) {
        if (optional.isEmpty()) {
            return false;
        }
        int dot = current.lastIndexOf('.');
        String ownPackage = dot < 0 ? current : current.substring(0, dot);
        // owners are named lib/x.jar!/a.b.C inside a nested jar: the package with its prefix is the key
        Set<String> modules = optional.get(ownPackage);
        return modules != null && jdk.moduleOf(pkg).map(modules::contains).orElse(false);
    }
}
