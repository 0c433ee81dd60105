package io.threadwatch.rules;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A rule as written in a file, before validation: every field may be missing, so that a user file
 * can override only some fields of a built-in rule with the same id.
 *
 * <p>A plain class, not a record, on purpose: Jackson binds records through their constructor and
 * buffers unknown fields until the end of the object, so a misspelled field would be reported at
 * the rule's last line instead of its own.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
final class RuleSpec {
    /** The field that says how many windows without the conditions clear a finding. */
    static final String CLEAR_AFTER = "clear-after";

    String id;
    String kind;
    String severity;
    String description;
    List<ConditionSpec> when;
    @JsonProperty("for")
    Integer forWindows;
    @JsonProperty(CLEAR_AFTER)
    Integer clearAfterWindows;
    List<String> evidence;
    String message;
    Boolean enabled;

    /** A condition as written in a file. */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
    static final class ConditionSpec {
        String sli;
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        Map<String, List<String>> labels;
        String op;
        Double threshold;

        ConditionSpec() {
        }

        ConditionSpec(String sli, Map<String, List<String>> labels, String op, Double threshold) {
            this.sli = sli;
            this.labels = labels;
            this.op = op;
            this.threshold = threshold;
        }
    }

    /** This spec's fields where present, else those of {@code base}. */
    RuleSpec over(RuleSpec base) {
        RuleSpec merged = new RuleSpec();
        merged.id = id;
        merged.kind = kind != null ? kind : base.kind;
        merged.severity = severity != null ? severity : base.severity;
        merged.description = description != null ? description : base.description;
        merged.when = when != null ? when : base.when;
        merged.forWindows = forWindows != null ? forWindows : base.forWindows;
        merged.clearAfterWindows = clearAfterWindows != null ? clearAfterWindows : base.clearAfterWindows;
        merged.evidence = evidence != null ? evidence : base.evidence;
        merged.message = message != null ? message : base.message;
        merged.enabled = enabled != null ? enabled : base.enabled;
        return merged;
    }
}
