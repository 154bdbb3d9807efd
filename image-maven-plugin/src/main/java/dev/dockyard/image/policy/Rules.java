package dev.dockyard.image.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the rules listed in {@code META-INF/services/dev.dockyard.image.policy.Rule}. */
public final class Rules {

    private Rules() {}

    /** @return every rule on the plugin's class path, sorted by id */
    public static List<Rule> all() {
        List<Rule> rules = new ArrayList<>();
        for (Rule r : ServiceLoader.load(Rule.class, Rule.class.getClassLoader())) {
            rules.add(r);
        }
        rules.sort(Comparator.comparing(Rule::id));
        return List.copyOf(rules);
    }
}
