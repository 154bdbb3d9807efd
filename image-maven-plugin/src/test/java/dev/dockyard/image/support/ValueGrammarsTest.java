package dev.dockyard.image.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The value grammars of the plugin's parameters parse strictly: no wrap-around, no word read as false. */
class ValueGrammarsTest {

    @Test
    void sizesAboveAPetabyteAreRefusedInsteadOfWrappingToANegativeBudget() throws Exception {
        assertEquals(150_000_000L, ByteSize.parse("150MB"));
        assertEquals(1_000_000_000_000_000L, ByteSize.parse("1000000GB"));
        UserFixableException e = assertThrows(UserFixableException.class, () -> ByteSize.parse("10000000000000000000"));
        assertEquals(
                "'10000000000000000000' is more than 1PB, the largest size a setting takes: give a size such as 150MB",
                e.getMessage());
        assertThrows(UserFixableException.class, () -> ByteSize.parse("99999999999999999999999999GiB"));
    }

    @Test
    void durationsAboveADayAreRefused() throws Exception {
        assertEquals(Duration.ofHours(24), DurationText.parse("24h"));
        assertEquals(Duration.ofSeconds(90), DurationText.parse("1m30s"));
        for (String tooLong : new String[] {"25h", "86401", "99999999999999999999s", "9999999999999999999999"}) {
            UserFixableException e = assertThrows(UserFixableException.class, () -> DurationText.parse(tooLong));
            assertEquals(
                    "'" + tooLong + "' is longer than 24h, the longest duration a setting takes: give a shorter one,"
                            + " e.g. 30s or 5m",
                    e.getMessage());
        }
    }

    @Test
    void booleansAreTrueOrFalseAndNothingElse() throws Exception {
        assertTrue(Values.bool("true", false));
        assertTrue(Values.bool(" TRUE ", false));
        assertFalse(Values.bool("false", true));
        assertTrue(Values.bool(null, true));
        assertFalse(Values.bool("", false));
        for (String word : new String[] {"yes", "1", "on", "no", "ture"}) {
            UserFixableException e = assertThrows(UserFixableException.class, () -> Values.bool(word, false));
            assertEquals("'" + word + "' is neither true nor false", e.getMessage());
        }
    }

    @Test
    void wholeNumbersAreCheckedAgainstTheirRange() throws Exception {
        assertEquals(8080, Values.integer("8080", 1, 65535));
        for (String bad : new String[] {"http", "80.5", "", "70000", "0", "99999999999999"}) {
            UserFixableException e = assertThrows(UserFixableException.class, () -> Values.integer(bad, 1, 65535));
            assertEquals("'" + bad + "' is not a whole number from 1 to 65535", e.getMessage());
        }
    }
}
