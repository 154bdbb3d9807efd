package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AppTest {

    @Test
    void portComesFromThePortVariable() {
        assertEquals(9000, App.port("9000"));
        assertEquals(0, App.port("0"));
    }

    @Test
    void unsetPortFallsBackToTheDefault() {
        assertEquals(App.DEFAULT_PORT, App.port(null));
        assertEquals(App.DEFAULT_PORT, App.port(" "));
    }

    @Test
    void invalidPortIsRejectedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> App.port("80a"));
        assertEquals("PORT must be a number from 0 to 65535, got '80a'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> App.port("65536"));
        assertThrows(IllegalArgumentException.class, () -> App.port("-1"));
    }
}
