package dev.dockyard.image.modules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the Java (and Kotlin) sources of a module name, for a service whose class files do not exist yet when the
 * reactor's runtime is computed (a parallel or sequential build packages the first service before it compiles the
 * others). Every dotted name of lower-case words outside comments is a candidate package (with its shorter prefixes):
 * an {@code import}, a static import or a qualified name in code names the package of each JDK type the code uses
 * beyond {@code java.lang}. String constants give the same rule triggers as in class files (a class loaded by name,
 * a JNDI {@code dns:} URL), and a call of {@code newFileSystem} the zip file system's.
 */
final class SourceScanner {

    private static final Pattern DOTTED = Pattern.compile("\\b[a-z_][a-z0-9_]*(?:\\s*\\.\\s*[a-z_][a-z0-9_]*)+\\b");

    private SourceScanner() {}

    /** The facts of every {@code .java} and {@code .kt} file below {@code roots} (missing roots are skipped). */
    static JarFacts scan(List<Path> roots) throws IOException {
        Map<String, JarFacts.Use> packages = new TreeMap<>();
        Map<String, String> features = new TreeMap<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile)
                        .filter(f ->
                                f.toString().endsWith(".java") || f.toString().endsWith(".kt"))
                        .sorted()
                        .toList();
            }
            for (Path file : files) {
                Set<String> filePackages = new TreeSet<>();
                Set<String> fileFeatures = new HashSet<>();
                facts(Files.readString(file, StandardCharsets.UTF_8), filePackages, fileFeatures);
                // the first source file naming each, as a jar's first class: why a module is linked
                String owner = root.relativize(file).toString();
                filePackages.forEach(pkg -> packages.putIfAbsent(pkg, new JarFacts.Use(owner, pkg)));
                fileFeatures.forEach(feature -> features.putIfAbsent(feature, owner));
            }
        }
        return new JarFacts(packages, features, Set.of(), null);
    }

    /** Adds the candidate packages and rule triggers of one source text. */
    static void facts(String source, Set<String> packages, Set<String> features) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                code.append(' ');
            } else if (c == '"' || c == '\'') {
                StringBuilder literal = new StringBuilder();
                i++;
                while (i < n && source.charAt(i) != c && source.charAt(i) != '\n') {
                    if (source.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    literal.append(source.charAt(i++));
                }
                i++;
                constant(literal.toString(), features);
                code.append(" \"\" ");
            } else {
                code.append(c);
                i++;
            }
        }
        String text = code.toString();
        Matcher matcher = DOTTED.matcher(text);
        while (matcher.find()) {
            String name = matcher.group().replaceAll("\\s+", "");
            for (int dot = name.length(); dot > 0; dot = name.lastIndexOf('.', dot - 1)) {
                String prefix = name.substring(0, dot);
                if (prefix.indexOf('.') > 0) {
                    packages.add(prefix);
                }
            }
        }
        if (text.contains("newFileSystem")) {
            features.add(JarFacts.Feature.NEW_FILE_SYSTEM);
        }
    }

    private static void constant(String value, Set<String> features) {
        if (ImplicitModules.REFLECTED.containsKey(value)) {
            features.add(JarFacts.Feature.REFLECTED + value);
        }
        if (value.startsWith("dns:")) {
            features.add(JarFacts.Feature.DNS_URL);
        }
    }
}
