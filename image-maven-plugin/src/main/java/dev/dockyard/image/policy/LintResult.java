package dev.dockyard.image.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Findings over one or more files, sorted by path, line, column and rule, with the threshold they were judged by.
 */
public final class LintResult {

    private final List<String> files;
    private final List<Finding> findings;
    private final FailOn failOn;
    private final List<Rule> rules;

    LintResult(List<String> files, List<Finding> findings, FailOn failOn, List<Rule> rules) {
        this.files = List.copyOf(files);
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(null);
        this.findings = List.copyOf(sorted);
        this.failOn = failOn;
        this.rules = List.copyOf(rules);
    }

    /** @return the linted paths, as shown in findings */
    public List<String> files() {
        return files;
    }

    /** @return all findings, sorted */
    public List<Finding> findings() {
        return findings;
    }

    /** @return the threshold */
    public FailOn failOn() {
        return failOn;
    }

    /** @return the rules that ran */
    public List<Rule> rules() {
        return rules;
    }

    /** @return the findings at or above the threshold */
    public List<Finding> failing() {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            if (failOn.fails(f.severity())) {
                out.add(f);
            }
        }
        return out;
    }

    /** @return {@code true} when any finding is at or above the threshold */
    public boolean failed() {
        return !failing().isEmpty();
    }

    /** @return how many findings have {@code severity} */
    public int count(Severity severity) {
        int n = 0;
        for (Finding f : findings) {
            if (f.severity() == severity) {
                n++;
            }
        }
        return n;
    }

    /** @return one line per finding, {@code path:line:col severity RULE message}, sorted */
    public List<String> consoleLines() {
        List<String> out = new ArrayList<>();
        for (Finding f : findings) {
            out.add(f.consoleLine());
        }
        return out;
    }

    /**
     * @return e.g. {@code Linted 2 Dockerfiles: 3 findings (1 error, 2 warnings, 0 infos), 3 at or above failOn=warning}
     */
    public String summary() {
        int e = count(Severity.ERROR);
        int w = count(Severity.WARNING);
        int i = count(Severity.INFO);
        return "Linted " + files.size() + (files.size() == 1 ? " Dockerfile: " : " Dockerfiles: ")
                + findings.size() + (findings.size() == 1 ? " finding" : " findings")
                + " (" + e + (e == 1 ? " error, " : " errors, ") + w + (w == 1 ? " warning, " : " warnings, ")
                + i + (i == 1 ? " info)" : " infos)") + ", " + failing().size() + " at or above failOn="
                + failOn.label();
    }
}
