package dev.dockyard.image.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The default image name is the artifactId made a valid repository name. */
class ImageRefNamesTest {

    @Test
    void artifactIdsBecomeValidRepositoryNames() {
        assertEquals("mnhellorest", ImageRef.repositoryFrom("MnHelloRest"));
        assertEquals("orders-service", ImageRef.repositoryFrom("orders-service"));
        assertEquals("orders_service", ImageRef.repositoryFrom("Orders_Service"));
        assertEquals("my-app-2", ImageRef.repositoryFrom("My App (2)"));
        assertEquals("a.b", ImageRef.repositoryFrom("-a..b-"));
        assertEquals("app", ImageRef.repositoryFrom("___"));
    }
}
