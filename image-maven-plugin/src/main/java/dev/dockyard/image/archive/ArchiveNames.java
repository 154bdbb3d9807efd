package dev.dockyard.image.archive;

import java.util.Locale;

/** File names of saved images: {@code <image-name>-<version>.tar.gz}, the image name without registry and path. */
public final class ArchiveNames {

    private ArchiveNames() {}

    /** {@code registry.example.com/shop/orders}, {@code 1.4.2} → {@code orders-1.4.2.tar.gz}. */
    public static String archive(String imageName, String version) {
        return simpleName(imageName) + "-" + version + ".tar.gz";
    }

    /** The copy under the {@code latest} name: {@code orders-latest.tar.gz}. */
    public static String latest(String imageName) {
        return archive(imageName, "latest");
    }

    /** The checksum file next to an archive: {@code orders-1.4.2.tar.gz.sha256}. */
    public static String checksum(String archiveName) {
        return archiveName + ".sha256";
    }

    static String simpleName(String imageName) {
        String name = imageName.strip();
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        int slash = name.lastIndexOf('/');
        name = name.substring(slash + 1);
        int colon = name.indexOf(':');
        if (colon >= 0) {
            name = name.substring(0, colon);
        }
        return name.toLowerCase(Locale.ROOT);
    }
}
