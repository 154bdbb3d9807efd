package dev.dockyard.image.assemble;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One file system entry of a layer, without its path: its type, permission bits, owner and, for a regular file,
 * where its bytes come from.
 *
 * @param type      {@link #DIRECTORY}, {@link #FILE}, {@link #SYMLINK}
 * @param mode      permission bits, with set-user-id, set-group-id and sticky ({@code 07777})
 * @param uid       owner
 * @param gid       group
 * @param linkTarget a symbolic link's target, else {@code null}
 * @param content   a regular file's bytes, else {@code null}
 */
record Node(char type, int mode, int uid, int gid, String linkTarget, Content content) {

    static final char DIRECTORY = 'd';
    static final char FILE = 'f';
    static final char SYMLINK = 'l';

    Node {
        mode &= 07777;
    }

    static Node directory(int mode, int uid, int gid) {
        return new Node(DIRECTORY, mode, uid, gid, null, null);
    }

    boolean isDirectory() {
        return type == DIRECTORY;
    }

    /** The same entry owned by {@code uid:gid}. */
    Node ownedBy(int newUid, int newGid) {
        return new Node(type, mode, newUid, newGid, linkTarget, content);
    }

    /** A regular file's bytes. Files that are hard links of each other share one {@code Content}. */
    interface Content {

        long size() throws IOException;

        void writeTo(OutputStream out) throws IOException;

        static Content of(byte[] bytes) {
            return new Content() {
                @Override
                public long size() {
                    return bytes.length;
                }

                @Override
                public void writeTo(OutputStream out) throws IOException {
                    out.write(bytes);
                }
            };
        }

        static Content of(Path file) {
            return new Content() {
                @Override
                public long size() throws IOException {
                    return Files.size(file);
                }

                @Override
                public void writeTo(OutputStream out) throws IOException {
                    try (InputStream in = Files.newInputStream(file)) {
                        in.transferTo(out);
                    }
                }
            };
        }
    }
}
