package dev.dockyard.image.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The base images a Dockerfile's {@code FROM} lines name, stages built earlier in the file and {@code scratch} left out. */
public final class BaseImages {

    private BaseImages() {
    }

    /** Images referenced with a build argument ({@code FROM ${BASE}}) cannot be known before the build: skipped. */
    public static List<String> of(List<String> lines) {
        Set<String> stages = new LinkedHashSet<>();
        Set<String> images = new LinkedHashSet<>();
        for (String instruction : joinContinuations(lines)) {
            String[] words = instruction.strip().split("\\s+");
            if (words.length < 2 || !words[0].equalsIgnoreCase("FROM")) {
                continue;
            }
            int i = 1;
            while (i < words.length && words[i].startsWith("--")) {
                i++;
            }
            if (i >= words.length) {
                continue;
            }
            String image = words[i];
            if (!image.equalsIgnoreCase("scratch") && !image.contains("$")
                    && !stages.contains(image.toLowerCase(Locale.ROOT))) {
                images.add(image);
            }
            if (i + 2 < words.length && words[i + 1].equalsIgnoreCase("AS")) {
                stages.add(words[i + 2].toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(images);
    }

    private static List<String> joinContinuations(List<String> lines) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String stripped = line.strip();
            if (stripped.startsWith("#") && current.length() == 0) {
                continue;
            }
            if (stripped.endsWith("\\")) {
                current.append(stripped, 0, stripped.length() - 1).append(' ');
            } else {
                current.append(stripped);
                instructions.add(current.toString());
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            instructions.add(current.toString());
        }
        return instructions;
    }
}
