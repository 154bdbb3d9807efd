package dev.dockyard.image.policy.rulekit;

import dev.dockyard.image.dockerfile.Instruction;
import java.util.ArrayList;
import java.util.List;

/** Helpers for the apt-get and apk rules: the install invocations of a {@code RUN} and their package words. */
public final class Apt {

    private Apt() {}

    /** @return argument lists (options and packages) of every {@code apt-get install} / {@code apt install} */
    public static List<List<String>> aptInstalls(Instruction run) {
        Shell sh = Shell.of(run);
        List<List<String>> out = new ArrayList<>(sh.subcommand("apt-get", "install"));
        out.addAll(sh.subcommand("apt", "install"));
        return out;
    }

    /** @return argument lists of every {@code apk add} */
    public static List<List<String>> apkAdds(Instruction run) {
        return Shell.of(run).subcommand("apk", "add");
    }

    /** @return the words that are package names: not options, not values of options that take one */
    public static List<String> packages(List<String> args, List<String> optionsWithValue) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("-")) {
                if (optionsWithValue.contains(a)) {
                    i++;
                }
                continue;
            }
            if (a.isEmpty()
                    || a.startsWith("$")
                    || a.startsWith("<<")
                    || a.contains("/")
                    || a.startsWith(">")
                    || a.startsWith("2>")
                    || a.startsWith("&")) {
                continue;
            }
            out.add(a);
        }
        return out;
    }

    /**
     * @param installs    argument lists of install commands
     * @param withValue   options that take a value (not a package)
     * @param fileSuffix  suffix of local package files, which need no version
     * @return package names without {@code =version}
     */
    public static List<String> unpinned(List<List<String>> installs, List<String> withValue, String fileSuffix) {
        List<String> out = new ArrayList<>();
        for (List<String> args : installs) {
            for (String p : packages(args, withValue)) {
                if (!p.contains("=") && !p.endsWith(fileSuffix)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** @return {@code true} when one of {@code args} is a short option cluster containing {@code letter} or a long option in {@code longs} */
    public static boolean hasOption(List<String> args, char letter, String... longs) {
        for (String a : args) {
            if (a.startsWith("--")) {
                String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                for (String l : longs) {
                    if (name.equals(l)) {
                        return true;
                    }
                }
            } else if (a.startsWith("-") && a.indexOf(letter) > 0 && !a.contains("=")) {
                return true;
            }
        }
        return false;
    }
}
