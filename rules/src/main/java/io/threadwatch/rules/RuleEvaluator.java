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
 * set, how many windows in a row the conditions held and, while a finding is active, how many in
 * a row they did not, so memory grows with the label sets that hold or are active and with the
 * firings, never with the number of windows.
 *
 * <p>A rule fires when its conditions have held for its {@code for} windows in a row, and clears
 * only when they have then not held for its {@code clear-after} windows in a row: a window in
 * which they hold again before that continues the same episode. Without this a condition that
 * holds in every other window (waits that time out together every 3 s, judged in 2 s windows)
 * fired and cleared again and again.
 *
 * <p>Not thread-safe: feed it from one thread, window after window, in time order.
 */
public final class RuleEvaluator {

    private final List<Rule> rules;
    /** Tracks by rule id, then by primary label set: the label sets that hold or whose finding is active. */
    private final Map<String, Map<SortedMap<String, String>, Track>> tracks = new HashMap<>();
    /** Firings in the order they first fired. */
    private final Map<Key, Firing> firings = new LinkedHashMap<>();

    public RuleEvaluator(RuleSet rules) {
        this.rules = rules.enabled();
        for (Rule rule : this.rules) {
            tracks.put(rule.id(), new HashMap<>());
        }
    }

    private record Key(String ruleId, SortedMap<String, String> labels) {
    }

    /** One rule on one label set: its current streak of windows held, and of windows missed while active. */
    private static final class Track {
        Instant streakStart;
        int streakWindows;
        double streakWorst;
        int missedWindows;

        void held(Window window, double value, Comparison op) {
            if (streakWindows == 0) {
                streakStart = window.start();
                streakWorst = value;
            } else if (op.isWorse(value, streakWorst)) {
                streakWorst = value;
            }
            streakWindows++;
            missedWindows = 0;
        }

        void missed() {
            streakWindows = 0;
            missedWindows++;
        }
    }

    /**
     * Evaluates every enabled rule on one window's samples.
     *
     * @return the rules that fired (a new episode) or cleared in this window, in rule order
     */
    public List<Transition> evaluate(Window window, List<Sample> samples) {
        Objects.requireNonNull(window, "window");
        Map<String, List<Sample>> byName = new HashMap<>();
        for (Sample sample : samples) {
            byName.computeIfAbsent(sample.name(), n -> new ArrayList<>()).add(sample);
        }
        List<Transition> transitions = new ArrayList<>();
        for (Rule rule : rules) {
            Map<SortedMap<String, String>, Track> ruleTracks = tracks.get(rule.id());
            Map<SortedMap<String, String>, Double> holding = holdingLabelSets(rule, byName);
            for (Map.Entry<SortedMap<String, String>, Double> held : holding.entrySet()) {
                Track track = ruleTracks.computeIfAbsent(held.getKey(), k -> new Track());
                track.held(window, held.getValue(), rule.primary().op());
                Key key = new Key(rule.id(), held.getKey());
                Firing previous = firings.get(key);
                if (previous != null && previous.active()) {
                    firings.put(key, previous.heldAgain(window.end(), held.getValue()));
                } else if (track.streakWindows >= rule.forWindows()) {
                    Firing fired = previous == null
                            ? new Firing(rule, key.labels(), track.streakStart, window.end(), window.end(),
                                    track.streakWorst, track.streakWindows, 1, true)
                            : previous.firedAgain(window.end(), track.streakWorst, track.streakWindows);
                    firings.put(key, fired);
                    transitions.add(new Transition(Transition.Type.FIRED, fired));
                }
            }
            for (Iterator<Map.Entry<SortedMap<String, String>, Track>> it = ruleTracks.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<SortedMap<String, String>, Track> entry = it.next();
                if (holding.containsKey(entry.getKey())) {
                    continue;
                }
                Key key = new Key(rule.id(), entry.getKey());
                Firing previous = firings.get(key);
                if (previous == null || !previous.active()) {
                    it.remove();
                    continue;
                }
                Track track = entry.getValue();
                track.missed();
                if (track.missedWindows >= rule.clearAfterWindows()) {
                    it.remove();
                    Firing cleared = previous.cleared();
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
