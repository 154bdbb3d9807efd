package dev.dockyard.image.sbom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Debian packages the last {@code image:build} found in the image, and the digest of the base image it was built
 * on, kept for {@code image:sbom}, which needs no engine: they are those of the same image while the Dockerfile that
 * built it is the same (its builder image and the modules it links decide which C libraries are copied).
 *
 * @param dockerfile the SHA-256 of the Dockerfile the image was built from
 * @param distro     the distribution the packages come from
 * @param base       the digest of the final stage's base image; {@code null} for none or not known
 * @param packages   the packages
 */
public record PackageRecord(String dockerfile, String distro, BaseDigest base, List<DebianPackage> packages) {

    /** The file's name in the work directory. */
    public static final String FILE = "sbom-packages.txt";

    private static final String BASE = "base-image ";

    public PackageRecord {
        packages = List.copyOf(packages);
    }

    /** Writes the record to {@code file}. */
    public void write(Path file) throws IOException {
        StringBuilder text = new StringBuilder("dockerfile " + dockerfile + "\ndistro " + distro + "\n" + BASE
                + (base == null ? "-" : base.digest() + " " + base.source().value()) + "\n");
        for (DebianPackage p : packages) {
            text.append(p.name())
                    .append(' ')
                    .append(p.version())
                    .append(' ')
                    .append(p.architecture())
                    .append('\n');
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /**
     * @return the record in {@code file} when it was written for the Dockerfile of digest {@code dockerfile}; empty
     *     when there is none, it is for another Dockerfile, or it cannot be read as one
     */
    public static Optional<PackageRecord> read(Path file, String dockerfile) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() < 2
                || !lines.get(0).equals("dockerfile " + dockerfile)
                || !lines.get(1).startsWith("distro ")) {
            return Optional.empty();
        }
        BaseDigest base = null;
        int first = 2;
        if (lines.size() > 2 && lines.get(2).startsWith(BASE)) { // absent from the records of earlier versions
            first = 3;
            String[] words = lines.get(2).substring(BASE.length()).split(" ", -1);
            BaseDigest.Source source = words.length == 2 ? BaseDigest.Source.of(words[1]) : null;
            if (source != null && words[0].matches("sha256:[0-9a-f]{64}")) {
                base = new BaseDigest(words[0], source);
            } else if (!words[0].equals("-")) {
                return Optional.empty();
            }
        }
        List<DebianPackage> packages = new ArrayList<>();
        for (String line : lines.subList(first, lines.size())) {
            String[] words = line.split(" ", -1);
            if (words.length != 3) {
                return Optional.empty();
            }
            packages.add(new DebianPackage(words[0], words[1], words[2]));
        }
        return Optional.of(new PackageRecord(dockerfile, lines.get(1).substring(7), base, packages));
    }
}
