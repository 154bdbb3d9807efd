package dev.dockyard.image.policy.rulekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellTest {

    @Test
    void splitsCommandsAtOperatorsAndRemovesQuotes() {
        Shell sh = Shell.parse("DEBIAN_FRONTEND=noninteractive apt-get install -y 'a b' \"c\\\"d\" && echo $(date +%s);"
                + " x || y # comment | not a pipe\nz 2>&1");
        assertEquals(
                List.of(
                        List.of("apt-get", "install", "-y", "a b", "c\"d"),
                        List.of("echo", "$(date +%s)"),
                        List.of("x"),
                        List.of("y"),
                        List.of("z", "2>&1")),
                sh.commands());
        assertFalse(sh.hasPipe());
    }

    @Test
    void findsProgramsBehindWrappersAndPaths() {
        Shell sh = Shell.parse("sudo -E /usr/bin/apt-get install -y curl | tee log");
        assertTrue(sh.hasPipe());
        assertEquals(List.of(List.of("/usr/bin/apt-get", "install", "-y", "curl")), sh.invocations("apt-get"));
        assertEquals(List.of(List.of("-y", "curl")), sh.subcommand("apt-get", "install"));
        assertTrue(sh.runs("sudo"));
        assertFalse(Shell.parse("echo sudo").runs("sudo"));
    }
}
