package io.threadwatch.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one entry of a catalog's {@code patterns:} list, already parsed into a map, refusing
 * unknown fields and missing ones with the reason:
 *
 * <pre>{@code
 * patterns:
 *   - id: acme-bus-subscriber-leak
 *     kinds: [thread-leak]
 *     title: a bus subscriber started per request
 *     fix: subscribe once at start-up and unsubscribe on close
 *     example: "at com.acme.bus.Bus.subscribe(Bus.java:42)"
 *     match: {created: ["com.acme.bus.Bus.subscribe"]}
 * }</pre>
 */
final class PatternReader {

    private static final Set<String> FIELDS = Set.of("id", "kinds", "title", "fix", "example", "match");
    private static final Set<String> CONDITIONS = Set.of("created", "createdOnly", "waits", "notWaits", "allocated",
            "locks", "details", "states", "timeout");

    private PatternReader() {
    }

    static ProblemPattern read(Map<?, ?> entry, String source, int line, String at) throws RuleFileException {
        for (Object name : entry.keySet()) {
            if (!FIELDS.contains(name)) {
                throw new RuleFileException(source, line, at + "unknown field '" + name + "'; expected one of "
                        + sorted(FIELDS));
            }
        }
        String id = required(entry, "id", source, line, at);
        String title = required(entry, "title", source, line, at);
        String fix = required(entry, "fix", source, line, at);
        Object example = entry.get("example");
        Set<FindingKind> kinds = EnumSet.noneOf(FindingKind.class);
        for (String kind : strings(entry.get("kinds"), "kinds", source, line, at)) {
            try {
                kinds.add(FindingKind.fromId(kind));
            } catch (IllegalArgumentException e) {
                throw new RuleFileException(source, line, at + "kinds: " + e.getMessage());
            }
        }
        if (kinds.isEmpty()) {
            throw new RuleFileException(source, line, at + "kinds: missing; name the finding kinds it applies to, e.g. [thread-leak]");
        }
        Object rawMatch = entry.get("match");
        Map<?, ?> match = rawMatch == null ? Map.of() : rawMatch instanceof Map<?, ?> m ? m : null;
        if (match == null) {
            throw new RuleFileException(source, line, at + "match: expected an object of conditions, e.g. {waits: [\"java.util.concurrent.CountDownLatch.await\"]}");
        }
        for (Object name : match.keySet()) {
            if (!CONDITIONS.contains(name)) {
                throw new RuleFileException(source, line, at + "match: unknown condition '" + name + "'; expected one of "
                        + sorted(CONDITIONS));
            }
        }
        Object timeout = match.get("timeout");
        if (timeout != null && !(timeout instanceof Boolean)) {
            throw new RuleFileException(source, line, at + "match: timeout: expected true or false, not '" + timeout + "'");
        }
        try {
            return new ProblemPattern(id, kinds, title, fix, example == null ? "" : example.toString(),
                    new ProblemPattern.Match(strings(match.get("created"), "match: created", source, line, at),
                            strings(match.get("createdOnly"), "match: createdOnly", source, line, at),
                            strings(match.get("waits"), "match: waits", source, line, at),
                            strings(match.get("notWaits"), "match: notWaits", source, line, at),
                            strings(match.get("allocated"), "match: allocated", source, line, at),
                            strings(match.get("locks"), "match: locks", source, line, at),
                            strings(match.get("details"), "match: details", source, line, at),
                            strings(match.get("states"), "match: states", source, line, at),
                            (Boolean) timeout),
                    source);
        } catch (IllegalArgumentException e) {
            throw new RuleFileException(source, line, at + e.getMessage());
        }
    }

    private static String required(Map<?, ?> entry, String field, String source, int line, String at)
            throws RuleFileException {
        Object value = entry.get(field);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new RuleFileException(source, line, at + field + ": missing");
        }
        return text.trim();
    }

    private static List<String> strings(Object value, String field, String source, int line, String at)
            throws RuleFileException {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new RuleFileException(source, line, at + field + ": expected a list");
        }
        List<String> strings = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String text) || text.isBlank()) {
                throw new RuleFileException(source, line, at + field + ": expected a list of non-empty strings");
            }
            strings.add(text.trim());
        }
        return strings;
    }

    private static String sorted(Set<String> names) {
        return names.stream().sorted().toList().toString();
    }
}
