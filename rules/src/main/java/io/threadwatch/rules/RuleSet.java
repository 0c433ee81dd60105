package io.threadwatch.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An ordered set of rules with unique ids. */
public final class RuleSet {

    /** The classpath resource holding the built-in pack, in the same format as user files. */
    public static final String BUILT_IN_RESOURCE = "/io/threadwatch/rules/builtin-rules.yaml";

    private final Map<String, Rule> rulesById;

    RuleSet(List<Rule> rules) {
        Map<String, Rule> byId = new LinkedHashMap<>();
        for (Rule rule : rules) {
            if (byId.putIfAbsent(rule.id(), rule) != null) {
                throw new IllegalArgumentException("duplicate rule id " + rule.id());
            }
        }
        this.rulesById = byId;
    }

    /** All rules, enabled or not, in file order (built-in first, then added ones). */
    public List<Rule> all() {
        return List.copyOf(rulesById.values());
    }

    /** The rules that run. */
    public List<Rule> enabled() {
        List<Rule> enabled = new ArrayList<>();
        for (Rule rule : rulesById.values()) {
            if (rule.enabled()) {
                enabled.add(rule);
            }
        }
        return enabled;
    }

    /** The rule with this id, if any. */
    public Optional<Rule> get(String id) {
        return Optional.ofNullable(rulesById.get(id));
    }
}
