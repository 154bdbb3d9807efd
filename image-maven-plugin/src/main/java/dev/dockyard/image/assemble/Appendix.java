package dev.dockyard.image.assemble;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * One file put into an image above everything its Dockerfile writes, in a layer of its own, its path in a label: a
 * document about the image (its SBOM) whose content depends on files of the image below it.
 */
public interface Appendix {

    /** @return the file's absolute path in the image */
    String path();

    /** @return the label whose value is {@link #path()} */
    String label();

    /**
     * @return the paths of the image (no leading slash) the content depends on: a path ending in {@code /} stands
     *     for every file directly below that directory
     */
    List<String> reads();

    /**
     * @param files the regular files of the image below the appendix that {@link #reads()} names, by path (no
     *     leading slash)
     * @return the file's bytes
     */
    byte[] content(Map<String, byte[]> files) throws IOException;

    /** Whether {@code path} (no leading slash) is one of those {@code reads} names. */
    static boolean reads(List<String> reads, String path) {
        for (String read : reads) {
            if (read.endsWith("/")
                    ? path.startsWith(read) && path.indexOf('/', read.length()) < 0 && path.length() > read.length()
                    : path.equals(read)) {
                return true;
            }
        }
        return false;
    }
}
