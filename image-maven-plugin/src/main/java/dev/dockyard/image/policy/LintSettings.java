package dev.dockyard.image.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lint configuration: failure threshold, per-rule severity overrides, rules switched off and the registries base
 * images may come from. Immutable; build one with {@link #builder()}. Defaults: {@code failOn=warning}, every rule
 * on at its default severity except {@value #DIGEST_RULE}, which is opt-in (give it a severity to switch it on), any
 * registry allowed.
 */
public final class LintSettings {

    /** Id of the rule whose severity {@link Builder#digestPinSeverity(Severity)} sets. */
    public static final String DIGEST_RULE = "base-image-digest";

    private final FailOn failOn;
    private final Map<String, Severity> severities;
    private final Set<String> disabled;
    private final List<String> allowedRegistries;

    private LintSettings(Builder b) {
        this.failOn = b.failOn;
        this.severities = Map.copyOf(b.severities);
        this.disabled = Set.copyOf(b.disabled);
        this.allowedRegistries = List.copyOf(b.allowedRegistries);
    }

    /** @return default settings */
    public static LintSettings defaults() {
        return builder().build();
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the lowest severity that fails the build */
    public FailOn failOn() {
        return failOn;
    }

    /** @return severity overrides by rule id */
    public Map<String, Severity> severities() {
        return severities;
    }

    /** @return ids of rules switched off */
    public Set<String> disabled() {
        return disabled;
    }

    /** @return registries base images may come from ({@code *.example.com} wildcards allowed); empty = any */
    public List<String> allowedRegistries() {
        return allowedRegistries;
    }

    /** Builder for {@link LintSettings}. */
    public static final class Builder {
        private FailOn failOn = FailOn.WARNING;
        private final Map<String, Severity> severities = new LinkedHashMap<>();
        private final Set<String> disabled = new LinkedHashSet<>();
        private final List<String> allowedRegistries = new ArrayList<>();

        private Builder() {}

        /** Sets the failure threshold (default {@code warning}). */
        public Builder failOn(FailOn value) {
            this.failOn = value;
            return this;
        }

        /** Overrides the severity of rule {@code ruleId}. */
        public Builder severity(String ruleId, Severity severity) {
            severities.put(ruleId.trim().toLowerCase(Locale.ROOT), severity);
            return this;
        }

        /**
         * Switches {@value #DIGEST_RULE} (base images not pinned by digest) on at this severity; it is off by default,
         * since a digest only a team can choose and refresh cannot be a default.
         */
        public Builder digestPinSeverity(Severity severity) {
            return severity(DIGEST_RULE, severity);
        }

        /** Switches rules off. */
        public Builder disable(Collection<String> ruleIds) {
            for (String id : ruleIds) {
                if (id != null && !id.isBlank()) {
                    disabled.add(id.trim().toLowerCase(Locale.ROOT));
                }
            }
            return this;
        }

        /** Only allows base images from these registries ({@code docker.io} for Docker Hub). */
        public Builder allowedRegistries(Collection<String> registries) {
            for (String r : registries) {
                if (r != null && !r.isBlank()) {
                    allowedRegistries.add(r.trim().toLowerCase(Locale.ROOT));
                }
            }
            return this;
        }

        /** @return the settings */
        public LintSettings build() {
            if (!severities.containsKey(DIGEST_RULE)) {
                disabled.add(DIGEST_RULE);
            }
            return new LintSettings(this);
        }
    }
}
