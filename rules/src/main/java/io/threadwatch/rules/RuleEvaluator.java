package io.threadwatch.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Runs a {@link RuleSet} over the samples of consecutive windows. It keeps, per rule and label
 * set, how many windows in a row the conditions held, so memory grows with the label sets that
 * currently hold and with the firings, never with the number of windows.
 *
 * <p>Not thread-safe: feed it from one thread, window after window, in time order.
 */
public final class RuleEvaluator {

    private final List<Rule> rules;
    /** Streaks by rule id, then by primary label set. */
    private final Map<String, Map<SortedMap<String, String>, Streak>> streaks = new HashMap<>();
    /** Firings in the order they first fired. */
    private final Map<Key, Firing> firings = new LinkedHashMap<>();

    public RuleEvaluator(RuleSet rules) {
        this.rules = rules.enabled();
        for (Rule rule : this.rules) {
            streaks.put(rule.id(), new HashMap<>());
        }
    }

    private record Key(String ruleId, SortedMap<String, String> labels) {
    }

    private static final class Streak {
        final Instant start;
        int windows;
        double worst;

        Streak(Instant start, double value) {
            this.start = start;
            this.worst = value;
        }
    }

    /**
     * Evaluates every enabled rule on one window's samples.
     *
     * @return the rules that fired or cleared in this window, in rule order
     */
    public List<Transition> evaluate(Window window, List<Sample> samples) {
        Objects.requireNonNull(window, "window");
        Map<String, List<Sample>> byName = new HashMap<>();
        for (Sample sample : samples) {
            byName.computeIfAbsent(sample.name(), n -> new ArrayList<>()).add(sample);
        }
        List<Transition> transitions = new ArrayList<>();
        for (Rule rule : rules) {
            Map<SortedMap<String, String>, Streak> ruleStreaks = streaks.get(rule.id());
            Map<SortedMap<String, String>, Double> holding = holdingLabelSets(rule, byName);
            for (Map.Entry<SortedMap<String, String>, Double> held : holding.entrySet()) {
                Streak streak = ruleStreaks.computeIfAbsent(held.getKey(), k -> new Streak(window.start(), held.getValue()));
                streak.windows++;
                if (rule.primary().op().isWorse(held.getValue(), streak.worst)) {
                    streak.worst = held.getValue();
                }
                Key key = new Key(rule.id(), held.getKey());
                Firing previous = firings.get(key);
                if (previous != null && previous.active()) {
                    firings.put(key, new Firing(rule, key.labels(), previous.firstHeld(), previous.firedAt(), window.end(),
                            worse(rule, previous.worstValue(), held.getValue()), previous.windowsHeld() + 1, true));
                } else if (streak.windows >= rule.forWindows()) {
                    Firing fired = previous == null
                            ? new Firing(rule, key.labels(), streak.start, window.end(), window.end(), streak.worst,
                                    streak.windows, true)
                            : new Firing(rule, key.labels(), previous.firstHeld(), previous.firedAt(), window.end(),
                                    worse(rule, previous.worstValue(), streak.worst),
                                    previous.windowsHeld() + streak.windows, true);
                    firings.put(key, fired);
                    transitions.add(new Transition(Transition.Type.FIRED, fired));
                }
            }
            for (Iterator<Map.Entry<SortedMap<String, String>, Streak>> it = ruleStreaks.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<SortedMap<String, String>, Streak> entry = it.next();
                if (holding.containsKey(entry.getKey())) {
                    continue;
                }
                it.remove();
                Key key = new Key(rule.id(), entry.getKey());
                Firing previous = firings.get(key);
                if (previous != null && previous.active()) {
                    Firing cleared = new Firing(rule, key.labels(), previous.firstHeld(), previous.firedAt(),
                            previous.lastHeld(), previous.worstValue(), previous.windowsHeld(), false);
                    firings.put(key, cleared);
                    transitions.add(new Transition(Transition.Type.CLEARED, cleared));
                }
            }
        }
        return transitions;
    }

    /** Every rule and label set that fired so far, in the order they first fired. */
    public List<Firing> firings() {
        return List.copyOf(firings.values());
    }

    private static double worse(Rule rule, double a, double b) {
        return rule.primary().op().isWorse(b, a) ? b : a;
    }

    /** The primary label sets on which all of the rule's conditions hold, with the primary value. */
    private static Map<SortedMap<String, String>, Double> holdingLabelSets(Rule rule, Map<String, List<Sample>> byName) {
        Map<SortedMap<String, String>, Double> holding = new LinkedHashMap<>();
        Condition primary = rule.primary();
        for (Sample candidate : byName.getOrDefault(primary.sli(), List.of())) {
            if (!primary.selects(candidate) || !primary.holdsFor(candidate)) {
                continue;
            }
            if (othersHold(rule, candidate, byName)) {
                holding.put(candidate.labels(), candidate.value());
            }
        }
        return holding;
    }

    private static boolean othersHold(Rule rule, Sample primary, Map<String, List<Sample>> byName) {
        for (Condition condition : rule.when().subList(1, rule.when().size())) {
            boolean held = false;
            for (Sample sample : byName.getOrDefault(condition.sli(), List.of())) {
                if (condition.selects(sample) && sample.agreesWith(primary.labels()) && condition.holdsFor(sample)) {
                    held = true;
                    break;
                }
            }
            if (!held) {
                return false;
            }
        }
        return true;
    }
}
