package dev.dockyard.image.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubstitutionTest {

    private static final Map<String, String> VARS = new HashMap<>();

    static {
        VARS.put("A", "alpha");
        VARS.put("EMPTY", "");
        VARS.put("UNSET", null);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "$A|alpha",
                "${A}|alpha",
                "x${A}y|xalphay",
                "$A-1|alpha-1",
                "${A:-d}|alpha",
                "${EMPTY:-d}|d",
                "${EMPTY-d}|''",
                "${NOPE:-d}|d",
                "${UNSET:-d}|d",
                "${A:+alt}|alt",
                "${EMPTY:+alt}|''",
                "${EMPTY+alt}|alt",
                "${NOPE:+alt}|''",
                "${NOPE:-${A}}|alpha",
                "x'$A'|x'$A'",
                "\\$A|$A",
                "$|$",
                "a$1|a$1",
                "${A#al}|alpha",
            })
    void expands(String text, String expected) {
        Substitution s = Substitution.expand(text, VARS, '\\');
        assertNull(s.error());
        assertEquals(expected, s.value());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"$NOPE x ${MISSING}|NOPE,MISSING", "${NOPE:-d}|''", "$A|''"})
    void reportsUndefinedNames(String text, String undefined) {
        Set<String> expected = undefined.isEmpty() ? Set.of() : Set.of(undefined.split(","));
        assertEquals(expected, Substitution.expand(text, VARS, '\\').undefined());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "${A|0|missing '}' in ${A",
                "${A:-x|0|missing '}' in ${A",
                "a${}|1|bad substitution: variable name expected after '${'",
                "${A*x}|3|bad substitution: unsupported modifier '*' in ${A"
            })
    void reportsSyntaxErrors(String text, int offset, String message) {
        Substitution s = Substitution.expand(text, VARS, '\\');
        assertEquals(message, s.error());
        assertEquals(offset, s.errorOffset());
    }
}
