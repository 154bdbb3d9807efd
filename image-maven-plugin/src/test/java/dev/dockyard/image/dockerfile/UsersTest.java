package dev.dockyard.image.dockerfile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class UsersTest {

    static final List<String> ROOT = List.of("", "root", "0", "00", "0:0", "root:root", "root:staff", "00:1");
    static final List<String> NOT_ROOT = List.of("65532:65532", "1000", "app", "app:root", "10:0");

    @Test
    void rootInEveryForm() {
        ROOT.forEach(user -> assertTrue(Users.isRoot(user), user));
        NOT_ROOT.forEach(user -> assertFalse(Users.isRoot(user), user));
    }
}
