package dev.dockyard.image.maven;

import dev.dockyard.image.render.RenderResult;
import dev.dockyard.image.sbom.JarContents;
import dev.dockyard.image.sbom.SbomLibrary;
import dev.dockyard.image.stage.StagedLayer;
import dev.dockyard.image.support.Sha256;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.License;
import org.apache.maven.model.Model;
import org.apache.maven.model.Parent;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

/**
 * The staged jars of the last render, each named by the project artifact it was copied from (matched by content),
 * or by its own {@code pom.properties} (a Spring Boot jar's nested jars are staged as files of their own), with the
 * licenses of its POM (inherited from the parents in the local repository).
 */
final class SbomLibraries {

    private final MavenProject project;
    private final MavenSession session;

    SbomLibraries(MavenProject project, MavenSession session) {
        this.project = project;
        this.session = session;
    }

    List<SbomLibrary> libraries(RenderResult render, String workdir) throws IOException {
        Map<String, Artifact> byHash = new HashMap<>();
        List<Artifact> artifacts = new ArrayList<>(project.getArtifacts());
        artifacts.add(project.getArtifact());
        File moduleJar = moduleJar();
        for (Artifact artifact : artifacts) {
            File file = artifact == project.getArtifact() ? moduleJar : artifact.getFile();
            if (file != null && file.isFile() && file.getName().endsWith(".jar")) {
                byHash.putIfAbsent(Sha256.hex(file.toPath()), artifact);
            }
        }
        Set<String> reactor = MavenProjectAdapter.reactorKeys(session);
        List<SbomLibrary> libraries = new ArrayList<>();
        for (StagedLayer layer : render.layers()) {
            for (String name : layer.files()) {
                if (!name.endsWith(".jar")) {
                    continue;
                }
                Path staged = render.context().resolve(layer.contextDirectory()).resolve(name);
                String sha = Sha256.hex(staged);
                String imagePath =
                        workdir + (layer.imageDirectory().isEmpty() ? "" : "/" + layer.imageDirectory()) + "/" + name;
                Artifact artifact = byHash.get(sha);
                if (artifact == null && moduleJarName(fileName(name), moduleJar)) {
                    // the module's classes, as a jar the layout made (Spring Boot's BOOT-INF/classes, Quarkus's
                    // app/<finalName>.jar): the module
                    artifact = project.getArtifact();
                }
                JarContents.Coordinates self;
                List<String> licenses = List.of();
                if (artifact != null) {
                    self = new JarContents.Coordinates(
                            artifact.getGroupId(), artifact.getArtifactId(), artifact.getBaseVersion());
                    licenses = licenses(
                            artifact == project.getArtifact()
                                    ? staged
                                    : artifact.getFile().toPath(),
                            artifact);
                } else {
                    List<JarContents.Coordinates> own = JarContents.mavenEntries(staged);
                    self = own.size() == 1
                            ? own.get(0)
                            : new JarContents.Coordinates(
                                    "",
                                    fileName(name).substring(0, fileName(name).length() - 4),
                                    "");
                }
                boolean inReactor = reactor.contains(self.groupId() + ":" + self.artifactId() + ":" + self.version())
                        || (artifact != null && artifact == project.getArtifact());
                libraries.add(new SbomLibrary(
                        self.groupId(),
                        self.artifactId(),
                        self.version(),
                        imagePath,
                        sha,
                        licenses,
                        inReactor,
                        JarContents.inside(staged, self)));
            }
        }
        return libraries;
    }

    /** The licenses of an artifact's POM, beside it in the repository, or of its nearest parent naming any. */
    private List<String> licenses(Path jar, Artifact artifact) {
        Path pom = jar.resolveSibling(artifact.getArtifactId() + "-" + artifact.getVersion() + ".pom");
        if (artifact == project.getArtifact() || reactorPom(artifact) != null) {
            MavenProject module = artifact == project.getArtifact() ? project : reactorPom(artifact);
            return module.getLicenses().stream().map(SbomLibraries::name).toList();
        }
        for (int depth = 0; depth < 10 && Files.isRegularFile(pom); depth++) {
            Model model;
            try (Reader reader = Files.newBufferedReader(pom)) {
                model = new MavenXpp3Reader().read(reader, false);
            } catch (IOException | XmlPullParserException e) {
                return List.of();
            }
            if (!model.getLicenses().isEmpty()) {
                return model.getLicenses().stream().map(SbomLibraries::name).toList();
            }
            Parent parent = model.getParent();
            if (parent == null) {
                break;
            }
            Path repository = Path.of(session.getLocalRepository().getBasedir());
            pom = repository
                    .resolve(parent.getGroupId().replace('.', '/'))
                    .resolve(parent.getArtifactId())
                    .resolve(parent.getVersion())
                    .resolve(parent.getArtifactId() + "-" + parent.getVersion() + ".pom");
        }
        return List.of();
    }

    /**
     * The module's jar: its artifact's file, or, where no phase of this build packaged it (a goal run alone from the
     * command line), the jar an earlier {@code mvn package} left in the build directory; {@code null} for none.
     */
    private File moduleJar() {
        File file = project.getArtifact().getFile();
        if (file != null && file.isFile()) {
            return file;
        }
        File built =
                new File(project.getBuild().getDirectory(), project.getBuild().getFinalName() + ".jar");
        return built.isFile() ? built : null;
    }

    /**
     * Whether a staged jar's file name is the module's own: its jar's, or the build's final name (Quarkus, which
     * makes the project's artifact its runner, stages the classes as {@code app/<finalName>.jar}).
     */
    private boolean moduleJarName(String file, File moduleJar) {
        return (moduleJar != null && file.equals(moduleJar.getName()))
                || file.equals(project.getBuild().getFinalName() + ".jar");
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private MavenProject reactorPom(Artifact artifact) {
        for (MavenProject p : session.getProjects()) {
            if (p.getGroupId().equals(artifact.getGroupId())
                    && p.getArtifactId().equals(artifact.getArtifactId())
                    && p.getVersion().equals(artifact.getBaseVersion())) {
                return p;
            }
        }
        return null;
    }

    private static String name(License license) {
        return license.getName() != null && !license.getName().isBlank()
                ? license.getName().strip()
                : String.valueOf(license.getUrl());
    }
}
