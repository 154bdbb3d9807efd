package dev.dockyard.image.assemble;

/** Paths inside an image: {@code /}-separated, relative to its root, no leading or trailing slash, root empty. */
final class Paths {

    private Paths() {}

    /** {@code ./a//b/} or {@code /a/b} to {@code a/b}; {@code .} and {@code ..} resolved, never above the root. */
    static String clean(String path) {
        StringBuilder out = new StringBuilder();
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        for (String part : parts) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(part);
        }
        return out.toString();
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static String child(String directory, String name) {
        return directory.isEmpty() ? name : name.isEmpty() ? directory : directory + "/" + name;
    }
}
