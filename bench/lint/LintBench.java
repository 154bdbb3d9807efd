import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import dev.dockyard.image.dockerfile.DockerfileParser;
import dev.dockyard.image.policy.Finding;
import dev.dockyard.image.policy.LintSettings;
import dev.dockyard.image.policy.Linter;

/**
 * Warm-loop benchmark of the Dockerfile linter: parse + every rule over one file.
 * Usage: java -cp <plugin classes + jackson> LintBench.java [Dockerfile] [warmup-iterations] [rounds] [iterations-per-round]
 */
public class LintBench {

    private static volatile int sink;

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "Dockerfile.200");
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int perRound = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Linter linter = new Linter(LintSettings.defaults());

        List<Finding> findings = linter.findings("Dockerfile", text);
        System.out.printf("file: %s, %d lines, %d rules, %d findings%n", file, text.split("\n", -1).length - 1,
                linter.enabledRules().size(), findings.size());

        for (int i = 0; i < warmup; i++) {
            sink += linter.findings("Dockerfile", text).size();
            sink += DockerfileParser.parse("Dockerfile", text).instructions().size();
        }
        double[] lint = new double[rounds];
        double[] parse = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                sink += linter.findings("Dockerfile", text).size();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                sink += DockerfileParser.parse("Dockerfile", text).instructions().size();
            }
            long t2 = System.nanoTime();
            lint[r] = (t1 - t0) / 1e3 / perRound;
            parse[r] = (t2 - t1) / 1e3 / perRound;
        }
        Arrays.sort(lint);
        Arrays.sort(parse);
        System.out.printf("lint (parse + all rules): median %.1f us, best %.1f us, worst %.1f us per file%n",
                lint[rounds / 2], lint[0], lint[rounds - 1]);
        System.out.printf("parse only:               median %.1f us, best %.1f us, worst %.1f us per file%n",
                parse[rounds / 2], parse[0], parse[rounds - 1]);
        System.out.printf("(%d warm-up iterations, %d rounds x %d iterations, %s %s)%n", warmup, rounds, perRound,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
    }
}
