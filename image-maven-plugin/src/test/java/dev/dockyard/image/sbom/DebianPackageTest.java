package dev.dockyard.image.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cyclonedx.Version;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;

class DebianPackageTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void statusEntriesGiveTheirPackagesSortedByName() {
        Map<String, byte[]> files = new TreeMap<>();
        files.put(
                "zlib1g",
                bytes(
                        "Package: zlib1g\nStatus: install ok installed\nArchitecture: amd64\n"
                                + "Version: 1:1.2.13.dfsg-1\nDescription: compression library - runtime\n zlib is a library\n"));
        files.put("libc6", bytes("Package: libc6\nArchitecture: amd64\nMulti-Arch: same\nVersion: 2.36-9+deb12u4\n"));
        files.put("junk", bytes("not a status entry\n"));
        assertEquals(
                List.of(
                        new DebianPackage("libc6", "2.36-9+deb12u4", "amd64"),
                        new DebianPackage("zlib1g", "1:1.2.13.dfsg-1", "amd64")),
                DebianPackage.parse(files));
    }

    @Test
    void theDistroComesFromOsRelease() {
        assertEquals("ubuntu", DebianPackage.distro(bytes("NAME=\"Ubuntu\"\nID=ubuntu\nID_LIKE=debian\n")));
        assertEquals("debian", DebianPackage.distro(bytes("PRETTY_NAME=\"Debian GNU/Linux 12\"\nID=\"debian\"\n")));
        assertEquals("debian", DebianPackage.distro(null));
    }

    @Test
    void packagesAreDebComponentsWithVersionsArchitectureAndTheirStatusFile() throws Exception {
        SbomRequest request = new SbomRequest(
                        "orders",
                        "1",
                        null,
                        "eclipse-temurin:21-jdk",
                        "scratch",
                        null,
                        21,
                        List.of(),
                        List.of(),
                        null,
                        List.of())
                .withPackages("ubuntu", List.of(new DebianPackage("libc6", "2.39-0ubuntu8.4", "amd64")));
        byte[] json = new SbomWriter().write(request);
        assertEquals(List.of(), new JsonParser().validate(json, Version.VERSION_16));
        Bom bom = new JsonParser().parse(json);
        Component libc = bom.getComponents().get(1);
        assertEquals("libc6", libc.getName());
        assertEquals("2.39-0ubuntu8.4", libc.getVersion());
        assertEquals("pkg:deb/ubuntu/libc6@2.39-0ubuntu8.4?arch=amd64", libc.getPurl());
        assertEquals("/var/lib/dpkg/status.d/libc6", libc.getProperties().get(0).getValue());
        assertEquals(
                List.of("java-runtime", libc.getBomRef()),
                bom.getDependencies().get(0).getDependencies().stream()
                        .map(d -> d.getRef())
                        .toList());
    }
}
